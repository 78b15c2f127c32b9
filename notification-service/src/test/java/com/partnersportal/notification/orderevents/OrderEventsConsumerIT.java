package com.partnersportal.notification.orderevents;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderEventsConsumerIT extends IdempotentConsumerContract {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String topic() {
        return OrderTopics.ORDER_EVENTS;
    }

    @Override
    protected String eventType() {
        return OrderCreated.TYPE;
    }

    @Override
    protected byte[] payloadFor(UUID orderId) {
        return EventJson.write(new OrderCreated(orderId, UUID.randomUUID(), "REF-" + orderId, "N-1", "new",
                Money.of("99.5", Currency.BHD), "BH", Instant.now()));
    }

    /** Notification sends no mail for order events yet; its effect is the event recorded as received. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE subject = :id")
                .param("id", orderId.toString()).query(Long.class).single();
    }
}
