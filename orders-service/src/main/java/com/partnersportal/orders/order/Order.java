package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order: what the merchant sold, to whom, for how much, and where it stands. It guards its own status
 * machine (Tamara's) and its money: captured + canceled never exceeds the total, refunded never exceeds
 * captured. Changes are made under the order's row lock ({@link OrderRepository#lock}), so concurrent
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
