package com.partnersportal.settlement.orderevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.OrderEventConsumerContract;
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

    /** An order's creation moves no money: its effect is settlement's copy of the order, and no ledger line. */
    @Override
    protected long effectsOf(UUID orderId) {
        long lines = jdbc.sql("SELECT count(*) FROM ledger_line WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
        assertThat(lines).isZero();
        return jdbc.sql("SELECT count(*) FROM known_order WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }

    @Test
    void keepsTheOrderFactsALedgerLineNeedsExactly() {
        UUID orderId = UUID.randomUUID();
        publish(orderId);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(orderId) == 1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM known_order WHERE order_id = :id").param("id", orderId)
                .query().singleRow();
        assertThat(row.get("order_reference_id")).isEqualTo("REF-" + orderId);
        assertThat(row.get("currency")).isEqualTo("KWD");
        assertThat(row.get("total_amount").toString()).isEqualTo("1250.500");
        assertThat(row.get("country_code")).isEqualTo("KW");
    }
}
