package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order: what the merchant sold, to whom, for how much, and where it stands. It guards its own status
 * machine (Tamara's) and its money: captured + canceled never exceeds the total, refunded never exceeds
 * captured. Changes are made under the order's row lock ({@link OrderRows#lock}), so concurrent
 * operations on one order are applied one after another.
 */
@Table("orders")
public class Order {

    @Id
    private UUID id;
    private UUID merchantId;
    private UUID legalEntityId;
    private UUID checkoutId;
    private String orderReferenceId;
    private String orderNumber;
    private OrderStatus status;
    private String currency;
    private BigDecimal totalAmount;
    private BigDecimal taxAmount;
    private BigDecimal shippingAmount;
    private BigDecimal discountAmount;
    private String discountName;
    private BigDecimal capturedAmount;
    private BigDecimal refundedAmount;
    private BigDecimal canceledAmount;
    private String countryCode;
    private String locale;
    private String description;
    private String paymentType;
    private Integer instalments;
    @Embedded.Nullable(prefix = "consumer_")
    private OrderConsumer consumer;
    @Embedded.Nullable(prefix = "shipping_")
    private Address shippingAddress;
    @Embedded.Nullable(prefix = "billing_")
    private Address billingAddress;
    @Embedded.Nullable(prefix = "merchant_url_")
    private MerchantUrls merchantUrl;
    /** When a new or approved order expires if nothing happens. */
    private Instant expiresAt;
    /** When an authorised order is captured in full if the merchant has not captured anything. */
    private Instant autoCaptureAt;
    private Instant authorisedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Order() {
    }

    /** The order from a row of {@code SELECT * FROM orders}, mapped by hand ({@link OrderRows}). */
    static Order read(ResultSet row) throws SQLException {
        Order order = new Order();
        order.id = row.getObject("id", UUID.class);
        order.merchantId = row.getObject("merchant_id", UUID.class);
        order.legalEntityId = row.getObject("legal_entity_id", UUID.class);
        order.checkoutId = row.getObject("checkout_id", UUID.class);
        order.orderReferenceId = row.getString("order_reference_id");
        order.orderNumber = row.getString("order_number");
        order.status = OrderStatus.valueOf(row.getString("status"));
        order.currency = row.getString("currency");
        order.totalAmount = row.getBigDecimal("total_amount");
        order.taxAmount = row.getBigDecimal("tax_amount");
        order.shippingAmount = row.getBigDecimal("shipping_amount");
        order.discountAmount = row.getBigDecimal("discount_amount");
        order.discountName = row.getString("discount_name");
        order.capturedAmount = row.getBigDecimal("captured_amount");
        order.refundedAmount = row.getBigDecimal("refunded_amount");
        order.canceledAmount = row.getBigDecimal("canceled_amount");
        order.countryCode = row.getString("country_code");
        order.locale = row.getString("locale");
        order.description = row.getString("description");
        order.paymentType = row.getString("payment_type");
        order.instalments = row.getObject("instalments", Integer.class);
        order.consumer = new OrderConsumer(row.getString("consumer_first_name"), row.getString("consumer_last_name"),
                row.getString("consumer_phone_number"), row.getString("consumer_email"));
        order.shippingAddress = address(row, "shipping_");
        order.billingAddress = address(row, "billing_");
        String success = row.getString("merchant_url_success");
        String failure = row.getString("merchant_url_failure");
        String cancel = row.getString("merchant_url_cancel");
        String notification = row.getString("merchant_url_notification");
        order.merchantUrl = success == null && failure == null && cancel == null && notification == null ? null
                : new MerchantUrls(success, failure, cancel, notification);
        order.expiresAt = instant(row, "expires_at");
        order.autoCaptureAt = instant(row, "auto_capture_at");
        order.authorisedAt = instant(row, "authorised_at");
        order.createdAt = instant(row, "created_at");
        order.updatedAt = instant(row, "updated_at");
        order.version = row.getLong("version");
        return order;
    }

    private static Address address(ResultSet row, String prefix) throws SQLException {
        Address address = new Address(row.getString(prefix + "first_name"), row.getString(prefix + "last_name"),
                row.getString(prefix + "line1"), row.getString(prefix + "line2"), row.getString(prefix + "region"),
                row.getString(prefix + "city"), row.getString(prefix + "country_code"),
                row.getString(prefix + "phone_number"));
        return address.equals(new Address(null, null, null, null, null, null, null, null)) ? null : address;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The columns an operation may change, as {@link OrderRows#update} writes them. */
    Map<String, Object> changeableColumns() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("status", status.name());
        columns.put("orderReferenceId", orderReferenceId);
        columns.put("capturedAmount", capturedAmount);
        columns.put("refundedAmount", refundedAmount);
        columns.put("canceledAmount", canceledAmount);
        columns.put("expiresAt", timestamp(expiresAt));
        columns.put("autoCaptureAt", timestamp(autoCaptureAt));
        columns.put("authorisedAt", timestamp(authorisedAt));
        columns.put("updatedAt", timestamp(updatedAt));
        columns.put("id", id);
        columns.put("version", version);
        return columns;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The row was written: its version moved on with it. */
    void updated() {
        version = version + 1;
    }

    /** A new order from a checkout, waiting in status {@code new} for the consumer's decision. */
    public static Order place(NewOrder placed, Instant now, Duration expiresAfter) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.checkoutId = UUID.randomUUID();
        order.merchantId = placed.merchantId();
        order.legalEntityId = placed.legalEntityId();
        order.orderReferenceId = placed.orderReferenceId();
        order.orderNumber = placed.orderNumber();
        order.status = OrderStatus.NEW;
        order.currency = placed.total().currency().name();
        order.totalAmount = placed.total().amount();
        order.taxAmount = placed.tax().amount();
        order.shippingAmount = placed.shipping().amount();
        order.discountAmount = placed.discount().amount();
        order.discountName = placed.discountName();
        order.capturedAmount = BigDecimal.ZERO;
        order.refundedAmount = BigDecimal.ZERO;
        order.canceledAmount = BigDecimal.ZERO;
        order.countryCode = placed.countryCode();
        order.locale = placed.locale();
        order.description = placed.description();
        order.paymentType = placed.paymentType();
        order.instalments = placed.instalments();
        order.consumer = placed.consumer();
        order.shippingAddress = placed.shippingAddress();
        order.billingAddress = placed.billingAddress();
        order.merchantUrl = placed.merchantUrl();
        order.expiresAt = now.plus(expiresAfter);
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /** The consumer paid the first instalment. */
    OrderStatus approve(Instant now, Duration authoriseWithin) {
        requireStatus(OrderStatus.NEW, OrderStatus.APPROVED, "approve");
        expiresAt = now.plus(authoriseWithin);
        return moveTo(OrderStatus.APPROVED, now);
    }

    OrderStatus decline(Instant now) {
        requireStatus(OrderStatus.NEW, OrderStatus.DECLINED, "decline");
        expiresAt = null;
        return moveTo(OrderStatus.DECLINED, now);
    }

    /** A new order not paid, or an approved one not authorised, in time. */
    OrderStatus expire(Instant now) {
        if (status != OrderStatus.NEW && status != OrderStatus.APPROVED) {
            throw new OrderTransitionRefused(status, OrderStatus.EXPIRED.wireName(), "expire");
        }
        expiresAt = null;
        return moveTo(OrderStatus.EXPIRED, now);
    }

    OrderStatus authorise(Instant now, Duration autoCaptureAfter) {
        requireStatus(OrderStatus.APPROVED, OrderStatus.AUTHORISED, "authorise");
        expiresAt = null;
        authorisedAt = now;
        autoCaptureAt = now.plus(autoCaptureAfter);
        return moveTo(OrderStatus.AUTHORISED, now);
    }

    /** Takes (part of) what remains to capture. */
    OrderStatus capture(Money amount, Instant now) {
        requirePositive(amount, "total_amount");
        Money remaining = remainingToCapture();
        OrderStatus target = amount.equals(remaining) && refundedAmount.signum() == 0
                ? OrderStatus.FULLY_CAPTURED : OrderStatus.PARTIALLY_CAPTURED;
        if (!status.allowsCapture()) {
            throw new OrderTransitionRefused(status, target.wireName(), "capture");
        }
        if (amount.exceeds(remaining)) {
            throw new OrderAmountRefused("capture_amount_exceeds_remaining",
                    "Only %s remains to capture.".formatted(remaining),
                    Map.of("requested", amount.amount(), "remaining", remaining.amount()));
        }
        capturedAmount = capturedAmount.add(amount.amount());
        autoCaptureAt = null;
        if (refundedAmount.signum() > 0) {
            return moveTo(OrderStatus.PARTIALLY_REFUNDED, now);
        }
        return moveTo(remainingToCapture().amount().signum() == 0
                ? OrderStatus.FULLY_CAPTURED : OrderStatus.PARTIALLY_CAPTURED, now);
    }

    /** Gives back (part of) what was captured and not yet refunded. */
    OrderStatus refund(Money amount, Instant now) {
        requirePositive(amount, "total_amount");
        Money refundable = refundable();
        boolean everything = amount.equals(refundable) && remainingToCapture().amount().signum() == 0;
        OrderStatus target = everything ? OrderStatus.FULLY_REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        if (!status.allowsRefund()) {
            throw new OrderTransitionRefused(status, target.wireName(), "refund");
        }
        if (amount.exceeds(refundable)) {
            throw new OrderAmountRefused("refund_amount_exceeds_captured",
                    "Only %s of the captured amount is left to refund.".formatted(refundable),
                    Map.of("requested", amount.amount(), "refundable", refundable.amount()));
        }
        refundedAmount = refundedAmount.add(amount.amount());
        return moveTo(target, now);
    }

    /** Releases (part of) the uncaptured amount; only before any capture. */
    OrderStatus cancel(Money amount, Instant now) {
        requirePositive(amount, "total_amount");
        Money remaining = remainingToCapture();
        OrderStatus target = amount.equals(remaining) ? OrderStatus.CANCELED : OrderStatus.UPDATED;
        if (!status.allowsCancel()) {
            throw new OrderTransitionRefused(status, target.wireName(), "cancel");
        }
        if (amount.exceeds(remaining)) {
            throw new OrderAmountRefused("cancel_amount_exceeds_remaining",
                    "Only %s remains to cancel.".formatted(remaining),
                    Map.of("requested", amount.amount(), "remaining", remaining.amount()));
        }
        canceledAmount = canceledAmount.add(amount.amount());
        if (target == OrderStatus.CANCELED) {
            autoCaptureAt = null;
        }
        return moveTo(target, now);
    }

    void changeReference(String newReference, Instant now) {
        orderReferenceId = newReference;
        updatedAt = now;
    }

    private void requireStatus(OrderStatus required, OrderStatus target, String operation) {
        if (status != required) {
            throw new OrderTransitionRefused(status, target.wireName(), operation);
        }
    }

    private void requirePositive(Money amount, String field) {
        if (amount.currency() != currency()) {
            throw new OrderAmountRefused("total_amount_invalid_currency",
                    "%s must be in %s, the order's currency.".formatted(field, currency()),
                    Map.of("field", field, "currency", amount.currency().name()));
        }
        if (amount.amount().signum() <= 0) {
            throw new OrderAmountRefused("amount_not_positive", field + " must be greater than zero.",
                    Map.of("field", field));
        }
    }

    private OrderStatus moveTo(OrderStatus next, Instant now) {
        status = next;
        updatedAt = now;
        return next;
    }

    /** What may still be captured (or canceled): the total less what was captured or canceled. */
    public Money remainingToCapture() {
        return new Money(totalAmount.subtract(capturedAmount).subtract(canceledAmount), currency());
    }

    public Money refundable() {
        return new Money(capturedAmount.subtract(refundedAmount), currency());
    }

    public UUID id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public UUID legalEntityId() {
        return legalEntityId;
    }

    public UUID checkoutId() {
        return checkoutId;
    }

    public String orderReferenceId() {
        return orderReferenceId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public OrderStatus status() {
        return status;
    }

    public Currency currency() {
        return Currency.valueOf(currency);
    }

    public Money total() {
        return money(totalAmount);
    }

    public Money tax() {
        return money(taxAmount);
    }

    public Money shipping() {
        return money(shippingAmount);
    }

    public Money discount() {
        return money(discountAmount);
    }

    public String discountName() {
        return discountName;
    }

    public Money captured() {
        return money(capturedAmount);
    }

    public Money refunded() {
        return money(refundedAmount);
    }

    public Money canceled() {
        return money(canceledAmount);
    }

    public String countryCode() {
        return countryCode;
    }

    public String locale() {
        return locale;
    }

    public String description() {
        return description;
    }

    public String paymentType() {
        return paymentType;
    }

    public Integer instalments() {
        return instalments;
    }

    public OrderConsumer consumer() {
        return consumer;
    }

    public Address shippingAddress() {
        return shippingAddress;
    }

    public Address billingAddress() {
        return billingAddress;
    }

    public MerchantUrls merchantUrl() {
        return merchantUrl;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant autoCaptureAt() {
        return autoCaptureAt;
    }

    public Instant authorisedAt() {
        return authorisedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, currency());
    }

    /** What a checkout hands over to create an order; amounts already checked against the currency. */
    public record NewOrder(UUID merchantId, UUID legalEntityId, String orderReferenceId, String orderNumber, Money total,
            Money tax, Money shipping, Money discount, String discountName, String countryCode, String locale,
            String description, String paymentType, Integer instalments, OrderConsumer consumer,
            Address shippingAddress, Address billingAddress, MerchantUrls merchantUrl) {
    }
}
