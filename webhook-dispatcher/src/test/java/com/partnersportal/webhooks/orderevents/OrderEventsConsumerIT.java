package com.partnersportal.webhooks.orderevents;

import com.partnersportal.testsupport.OrderEventConsumerContract;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WebhooksIntegrationTest
class OrderEventsConsumerIT extends OrderEventConsumerContract {

    @Autowired
    JdbcClient jdbc;

    /** Each status change is appended, so a duplicate that slipped through would show as a second row. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM order_status_change WHERE order_id = :id AND status = 'new'")
                .param("id", orderId).query(Long.class).single();
    }
}
