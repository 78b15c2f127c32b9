package com.partnersportal.orders.order;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
import com.partnersportal.orders.contract.OrderReferenceChanged;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.merchant.MerchantOrderSettings;
import com.partnersportal.orders.merchant.OrderTimers;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that moves an order: the merchant API, the portal, checkout decisions and the timers all come
 * here, so one set of rules applies whoever acts. Each operation locks the order's row, changes it, records
 * the transaction and the timeline entry, and writes the event to the outbox, all in one database transaction.
 */
@Service
public class OrderOperations {

    private final OrderRows rows;
    private final OrderLedger ledger;
    private final CaptureRepository captures;
    private final RefundRepository refunds;
    private final JdbcAggregateOperations aggregates;
    private final OrderEvents events;
    private final MerchantOrderSettings settings;
    private final Clock clock;

    OrderOperations(OrderRows rows, OrderLedger ledger, CaptureRepository captures, RefundRepository refunds,
            JdbcAggregateOperations aggregates, OrderEvents events, MerchantOrderSettings settings, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.captures = captures;
        this.refunds = refunds;
        this.aggregates = aggregates;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public record Authorised(Order order, Capture autoCapture) {
    }

    public record Captured(Order order, Capture capture) {

        public Money amount() {
            return capture.amount(order.currency());
        }
    }

    public record Refunded(Order order, Refund refund) {

        public Money amount() {
            return new Money(refund.amount(), order.currency());
        }
    }

    public record Canceled(Order order, Cancel cancel) {

        public Money amount() {
            return new Money(cancel.amount(), order.currency());
        }
    }

    @Transactional
    public Authorised authorise(UUID merchantId, UUID orderId, Actor actor) {
        Order order = lock(merchantId, orderId);
        OrderTimers timers = settings.timersOf(order.merchantId());
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.authorise(now, timers.autoCaptureAfter());
        note(order, "authorised", previous, null, null, null, actor, now);
        OrderSnapshot authorised = OrderEvents.snapshot(order, previous);
        events.publish(order, OrderAuthorised.TYPE, new OrderAuthorised(authorised, timers.autoCaptureOnAuthorise(), actor, now));
        Capture capture = null;
        if (timers.autoCaptureOnAuthorise()) {
            capture = captureRemaining(order, actor, now);
        }
        return new Authorised(rows.update(order), capture);
    }

    @Transactional
    /** @param commandIn the capture as asked for, read in the order's currency (known once the order is locked) */
    public Captured capture(UUID merchantId, UUID orderId, Function<Currency, CaptureCommand> commandIn, Actor actor) {
        Order order = lock(merchantId, orderId);
        CaptureCommand command = commandIn.apply(order.currency());
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.capture(command.amount(), now);
        Capture capture = ledger.insert(Capture.of(order.id(), command, false, actor, now), order.currency());
        recordCapture(order, previous, capture, actor, now);
        return new Captured(rows.update(order), capture);
    }

    @Transactional
    public Refunded refund(UUID merchantId, UUID orderId, Function<Currency, RefundCommand> commandIn, Actor actor) {
        Order order = lock(merchantId, orderId);
        RefundCommand command = commandIn.apply(order.currency());
        if (command.merchantRefundId() != null) {
            refunds.findByOrderIdAndMerchantRefundId(order.id(), command.merchantRefundId()).ifPresent(existing -> {
                throw new ApiProblem(HttpStatus.CONFLICT, "merchant_refund_id_already_used",
                        "This order already has a refund with merchant_refund_id " + command.merchantRefundId() + ".",
                        Map.of("refund_id", existing.id().toString()));
            });
        }
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.refund(command.amount(), now);
        Refund refund = aggregates.insert(drawFromCaptures(order, command, actor, now));
        note(order, "refunded", previous, command.amount().amount(), refund.id().toString(), command.comment(), actor, now);
        events.publish(order, OrderRefunded.TYPE, new OrderRefunded(OrderEvents.snapshot(order, previous), refund.id(),
                refund.captureId(), command.amount(), command.comment(), command.merchantRefundId(),
                refund.allocations().stream()
                        .map(a -> new OrderRefunded.Allocation(a.captureId(), new Money(a.amount(), order.currency())))
                        .toList(),
                actor, now));
        return new Refunded(rows.update(order), refund);
    }

    @Transactional
    public Canceled cancel(UUID merchantId, UUID orderId, Function<Currency, CancelCommand> commandIn, Actor actor) {
        Order order = lock(merchantId, orderId);
        CancelCommand command = commandIn.apply(order.currency());
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.cancel(command.amount(), now);
        Cancel cancel = aggregates.insert(new Cancel(UUID.randomUUID(), order.id(), command.amount().amount(),
                command.itemsJson(), actor.type(), actor.id(), now));
        note(order, "canceled", previous, command.amount().amount(), cancel.id().toString(), null, actor, now);
        events.publish(order, OrderCanceled.TYPE, new OrderCanceled(OrderEvents.snapshot(order, previous), cancel.id(),
                command.amount(), actor, now));
        return new Canceled(rows.update(order), cancel);
    }

    @Transactional
    public Order changeReference(UUID merchantId, UUID orderId, String newReference, Actor actor) {
        Order order = lock(merchantId, orderId);
        Instant now = clock.instant();
        String previousReference = order.orderReferenceId();
        order.changeReference(newReference, now);
        note(order, "reference_changed", order.status(), null, previousReference, newReference, actor, now);
        events.publish(order, OrderReferenceChanged.TYPE, new OrderReferenceChanged(
                OrderEvents.snapshot(order, order.status()), previousReference, actor, now));
        return rows.update(order);
    }

    /** The checkout system's decision: the consumer paid the first instalment. */
    @Transactional
    public Order approve(UUID orderId, Actor actor) {
        Order order = lockForPlatform(orderId);
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.approve(now, settings.timersOf(order.merchantId()).approvedExpiry());
        note(order, "approved", previous, null, null, null, actor, now);
        events.publish(order, OrderApproved.TYPE, new OrderApproved(OrderEvents.snapshot(order, previous), actor, now));
        return rows.update(order);
    }

    @Transactional
    public Order decline(UUID orderId, String reason, String code, String type, Actor actor) {
        Order order = lockForPlatform(orderId);
        Instant now = clock.instant();
        OrderStatus previous = order.status();
        order.decline(now);
        note(order, "declined", previous, null, code, reason, actor, now);
        events.publish(order, OrderDeclined.TYPE, new OrderDeclined(OrderEvents.snapshot(order, previous), reason, code,
                type, actor, now));
        return rows.update(order);
    }

    /** Timer: a new or approved order's time ran out. Does nothing if the order moved on meanwhile. */
    @Transactional
    public void expireIfDue(UUID orderId, Actor actor) {
        Order order = lockForPlatform(orderId);
        Instant now = clock.instant();
        if (order.expiresAt() == null || order.expiresAt().isAfter(now)
                || (order.status() != OrderStatus.NEW && order.status() != OrderStatus.APPROVED)) {
            return;
        }
        OrderStatus previous = order.status();
        order.expire(now);
        note(order, "expired", previous, null, null, null, actor, now);
        events.publish(order, OrderExpired.TYPE, new OrderExpired(OrderEvents.snapshot(order, previous), actor, now));
        rows.update(order);
    }

    /** Timer: an authorised order nobody captured within the merchant's period is captured in full. */
    @Transactional
    public void autoCaptureIfDue(UUID orderId, Actor actor) {
        Order order = lockForPlatform(orderId);
        Instant now = clock.instant();
        if (order.autoCaptureAt() == null || order.autoCaptureAt().isAfter(now)
                || (order.status() != OrderStatus.AUTHORISED && order.status() != OrderStatus.UPDATED)) {
            return;
        }
        captureRemaining(order, actor, now);
        rows.update(order);
    }

    private Capture captureRemaining(Order order, Actor actor, Instant now) {
        OrderStatus previous = order.status();
        Money remaining = order.remainingToCapture();
        order.capture(remaining, now);
        Capture capture = ledger.insert(Capture.of(order.id(),
                new CaptureCommand(remaining, null, null, null, null, null), true, actor, now), order.currency());
        recordCapture(order, previous, capture, actor, now);
        return capture;
    }

    private void recordCapture(Order order, OrderStatus previous, Capture capture, Actor actor, Instant now) {
        Money amount = capture.amount(order.currency());
        note(order, "captured", previous, amount.amount(), capture.id().toString(),
                capture.automatic() ? "automatic" : null, actor, now);
        events.publish(order, OrderCaptured.TYPE, new OrderCaptured(OrderEvents.snapshot(order, previous), capture.id(),
                amount, capture.automatic(), actor, now));
    }

    /** Oldest capture first: each gives what it has not refunded yet until the refund is covered. */
    private Refund drawFromCaptures(Order order, RefundCommand command, Actor actor, Instant now) {
        BigDecimal wanted = command.amount().amount();
        List<Refund.Allocation> allocations = new ArrayList<>();
        for (Capture capture : captures.findByOrderIdOrderByCreatedAtAsc(order.id())) {
            if (wanted.signum() == 0) {
                break;
            }
            BigDecimal taken = capture.drawRefund(wanted);
            if (taken.signum() > 0) {
                captures.save(capture);
                allocations.add(new Refund.Allocation(capture.id(), taken));
                wanted = wanted.subtract(taken);
            }
        }
        if (wanted.signum() != 0) {
            // The order's own totals said the money was there; the captures disagree. Never refund on a guess.
            throw new IllegalStateException("captures of order " + order.id() + " do not cover its refundable amount");
        }
        Set<Refund.Allocation> allocationSet = new HashSet<>(allocations);
        return new Refund(UUID.randomUUID(), order.id(), allocations.getFirst().captureId(), command.amount().amount(),
                command.comment(), command.merchantRefundId(), allocationSet, actor.type(), actor.id(), now);
    }

    private void note(Order order, String kind, OrderStatus previous, BigDecimal amount, String referenceId,
            String detail, Actor actor, Instant now) {
        ledger.insert(new OrderChange(null, order.id(), kind, previous == null ? null : previous.wireName(),
                order.status().wireName(), amount, referenceId, detail, actor.type(), actor.id(), now));
    }

    private Order lock(UUID merchantId, UUID orderId) {
        return rows.lock(orderId, merchantId).orElseThrow(() -> new OrderNotFound(orderId));
    }

    private Order lockForPlatform(UUID orderId) {
        return rows.lockForPlatform(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }
}
