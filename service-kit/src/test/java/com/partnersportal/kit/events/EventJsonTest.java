package com.partnersportal.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void writesSnakeCaseWithExactAmountsAndIsoInstantsAndReadsThemBack() {
        OrderCreated event = new OrderCreated(UUID.randomUUID(), UUID.randomUUID(), "REF-1", "N-1", "new",
                Money.of("12.5", Currency.KWD), "KW", Instant.parse("2026-11-20T10:15:30Z"));

        String json = new String(EventJson.write(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"order_reference_id\":\"REF-1\"")
                .contains("\"total_amount\":{\"amount\":12.500,\"currency\":\"KWD\"}")
                .contains("\"occurred_at\":\"2026-11-20T10:15:30Z\"");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), OrderCreated.class)).isEqualTo(event);
    }
}
