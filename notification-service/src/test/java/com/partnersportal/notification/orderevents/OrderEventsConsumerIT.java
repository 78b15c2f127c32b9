package com.partnersportal.notification.orderevents;

import com.partnersportal.testsupport.OrderEventConsumerContract;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderEventsConsumerIT extends OrderEventConsumerContract {

    @Autowired
    JdbcClient jdbc;

    /** Notification sends no mail for order events yet; its effect is the event recorded as received. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE subject = :id")
                .param("id", orderId.toString()).query(Long.class).single();
    }
}
