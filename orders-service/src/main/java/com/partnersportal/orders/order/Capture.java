package com.partnersportal.orders.order;

import com.partnersportal.orders.contract.Actor;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Money taken from an order when (part of) it shipped; refunds draw on it, oldest capture first. */
@Table("order_capture")
public class Capture {

    @Id
    private UUID id;
    private UUID orderId;
    private BigDecimal amount;
    private BigDecimal refundedAmount;
    private BigDecimal taxAmount;
    private BigDecimal shippingAmount;
    private BigDecimal discountAmount;
    private Instant shippedAt;
    private String shippingCompany;
    private String trackingNumber;
    private String trackingUrl;
    /** The captured items as JSON, as the merchant sent them. */
    private String items;
    private boolean automatic;
    private String actorType;
    private String actorId;
    private Instant createdAt;
    @Version
    private Long version;

    Capture() {
    }

    static Capture of(UUID orderId, CaptureCommand command, boolean automatic, Actor actor, Instant now) {
        Capture capture = new Capture();
        capture.id = UUID.randomUUID();
        capture.orderId = orderId;
        capture.amount = command.amount().amount();
        capture.refundedAmount = BigDecimal.ZERO;
        capture.taxAmount = amountOrZero(command.tax());
        capture.shippingAmount = amountOrZero(command.shipping());
        capture.discountAmount = amountOrZero(command.discount());
        ShippingInfo shipping = command.shippingInfo();
        if (shipping != null) {
            capture.shippedAt = shipping.shippedAt();
            capture.shippingCompany = shipping.shippingCompany();
            capture.trackingNumber = shipping.trackingNumber();
            capture.trackingUrl = shipping.trackingUrl();
        }
        capture.items = command.itemsJson();
        capture.automatic = automatic;
        capture.actorType = actor.type();
        capture.actorId = actor.id();
        capture.createdAt = now;
        return capture;
    }

    /** Draws up to {@code wanted} from what this capture has not refunded yet; returns what it gave. */
    BigDecimal drawRefund(BigDecimal wanted) {
        BigDecimal available = amount.subtract(refundedAmount);
        BigDecimal taken = wanted.min(available);
        refundedAmount = refundedAmount.add(taken);
        return taken;
    }

    private static BigDecimal amountOrZero(Money money) {
        return money == null ? BigDecimal.ZERO : money.amount();
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public Money amount(Currency currency) {
        return new Money(amount, currency);
    }

    public Money refunded(Currency currency) {
        return new Money(refundedAmount, currency);
    }

    public Money tax(Currency currency) {
        return new Money(taxAmount, currency);
    }

    public Money shipping(Currency currency) {
        return new Money(shippingAmount, currency);
    }

    public Money discount(Currency currency) {
        return new Money(discountAmount, currency);
    }

    public ShippingInfo shippingInfo() {
        return new ShippingInfo(shippedAt, shippingCompany, trackingNumber, trackingUrl);
    }

    public String itemsJson() {
        return items;
    }

    public boolean automatic() {
        return automatic;
    }

    public Actor actor() {
        return new Actor(actorType, actorId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
