package com.partnersportal.orders.order;

import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderCreated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places a checked checkout's order: the order, its lines, its first timeline entry and OrderCreated, together. */
@Service
public class OrderPlacement {

    private final OrderRepository orders;
    private final OrderItems items;
    private final OrderChangeRepository timeline;
    private final OrderEvents events;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, OrderItems items, OrderChangeRepository timeline, OrderEvents events,
            Clock clock) {
        this.orders = orders;
        this.items = items;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Order place(Order.NewOrder placed, List<OrderItem> lines, Duration expiresAfter, Actor actor) {
        Instant now = clock.instant();
        Order order = orders.save(Order.place(placed, now, expiresAfter));
        items.insert(order.id(), lines);
        timeline.save(new OrderChange(null, order.id(), "created", null, order.status().wireName(),
                order.total().amount(), null, null, actor.type(), actor.id(), now));
        events.publish(order, OrderCreated.TYPE, new OrderCreated(OrderEvents.snapshot(order, null), actor, now));
        return order;
    }
}
