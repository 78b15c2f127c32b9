package com.partnersportal.orders.order;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An order: what the merchant sold, to whom, for how much, and where it stands. */
@Table("orders")
public class Order {

    @Id
    private final UUID id;
    private final UUID merchantId;
    private final UUID checkoutId;
    private final String orderReferenceId;
    private final String orderNumber;
    private final OrderStatus status;
    private final String currency;
    private final BigDecimal totalAmount;
    private final BigDecimal taxAmount;
    private final BigDecimal shippingAmount;
    private final BigDecimal discountAmount;
    private final String countryCode;
    private final String locale;
    private final String description;
    private final String consumerEmail;
    private final String consumerPhone;
    private final String consumerFirstName;
    private final String consumerLastName;
    @MappedCollection(idColumn = "order_id", keyColumn = "position")
    private final List<OrderItem> items;
    private final Instant createdAt;
    private final Instant updatedAt;
    @Version
    private final Long version;

    @PersistenceCreator
    Order(UUID id, UUID merchantId, UUID checkoutId, String orderReferenceId, String orderNumber, OrderStatus status,
            String currency, BigDecimal totalAmount, BigDecimal taxAmount, BigDecimal shippingAmount,
            BigDecimal discountAmount, String countryCode, String locale, String description, String consumerEmail,
            String consumerPhone, String consumerFirstName, String consumerLastName, List<OrderItem> items,
            Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.merchantId = merchantId;
        this.checkoutId = checkoutId;
        this.orderReferenceId = orderReferenceId;
        this.orderNumber = orderNumber;
        this.status = status;
        this.currency = currency;
        this.totalAmount = totalAmount;
        this.taxAmount = taxAmount;
        this.shippingAmount = shippingAmount;
        this.discountAmount = discountAmount;
        this.countryCode = countryCode;
        this.locale = locale;
        this.description = description;
        this.consumerEmail = consumerEmail;
        this.consumerPhone = consumerPhone;
        this.consumerFirstName = consumerFirstName;
        this.consumerLastName = consumerLastName;
        this.items = List.copyOf(items);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new order from a checkout, waiting in status {@code new} for the consumer's decision. */
    public static Order place(NewOrder order, Instant now) {
        return new Order(UUID.randomUUID(), order.merchantId(), UUID.randomUUID(), order.orderReferenceId(),
                order.orderNumber(), OrderStatus.NEW, order.total().currency().name(), order.total().amount(),
                order.tax().amount(), order.shipping().amount(), order.discount().amount(), order.countryCode(),
                order.locale(), order.description(), order.consumer().email(), order.consumer().phoneNumber(),
                order.consumer().firstName(), order.consumer().lastName(), order.items(), now, now, null);
    }

    public UUID id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
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

    public Money total() {
        return new Money(totalAmount, Currency.valueOf(currency));
    }

    public String countryCode() {
        return countryCode;
    }

    public List<OrderItem> items() {
        return items;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** What a checkout hands over to create an order; amounts already checked against the currency. */
    public record NewOrder(UUID merchantId, String orderReferenceId, String orderNumber, Money total, Money tax,
            Money shipping, Money discount, String countryCode, String locale, String description, Consumer consumer,
            List<OrderItem> items) {
    }

    public record Consumer(String firstName, String lastName, String phoneNumber, String email) {
    }
}
