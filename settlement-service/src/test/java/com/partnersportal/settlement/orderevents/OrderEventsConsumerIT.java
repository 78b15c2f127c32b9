package com.partnersportal.settlement.orderevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.OrderEventConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SettlementIntegrationTest
class OrderEventsConsumerIT extends OrderEventConsumerContract {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String eventType() {
        return OrderCaptured.TYPE;
    }

    /** A capture is a sale in the ledger, booked once. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM ledger_line WHERE order_id = :id AND kind = 'SALE'").param("id", orderId)
                .query(Long.class).single();
    }

    @Test
    void aCaptureIsBookedWithTheOrderFactsALedgerLineNeedsExactly() {
        UUID orderId = UUID.randomUUID();
        send(SampleEvent.of(topic(), eventType()).about(orderId)
                .with("/order/order_reference_id", "REF-" + orderId).with("/order/country_code", "KW")
                .with("/captured_amount", Map.of("amount", new BigDecimal("1250.500"), "currency", "KWD")));

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(orderId) == 1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM ledger_line WHERE order_id = :id").param("id", orderId)
                .query().singleRow();
        assertThat(row.get("order_reference_id")).isEqualTo("REF-" + orderId);
        assertThat(row.get("currency")).isEqualTo("KWD");
        assertThat(row.get("amount").toString()).isEqualTo("1250.500");
        assertThat(row.get("order_number")).isEqualTo("ORD-100234");
    }

    @Test
    void theSameCaptureRepublishedUnderANewEventIdIsBookedOnce() {
        UUID orderId = UUID.randomUUID();
        SampleEvent capture = SampleEvent.of(topic(), eventType()).about(orderId);
        send(capture);
        send(capture);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE subject = :id").param("id", orderId.toString())
                .query(Long.class).single() == 2);
        assertThat(effectsOf(orderId)).isOne();
    }
}
