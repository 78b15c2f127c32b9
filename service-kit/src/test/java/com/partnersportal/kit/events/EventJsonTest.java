package com.partnersportal.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.orders.contract.Actor;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.orders.contract.OrderTotals;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void writesSnakeCaseWithExactAmountsAndIsoInstantsAndReadsThemBack() {
        Money total = Money.of("12.5", Currency.KWD);
        Money zero = Money.zero(Currency.KWD);
        OrderCreated event = new OrderCreated(
                new OrderSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "REF-1", "N-1", "new", null,
                        "KW", "PAY_BY_INSTALMENTS", new OrderTotals(total, zero, zero, zero)),
                new Actor(Actor.API_TOKEN, UUID.randomUUID().toString()), Instant.parse("2026-11-20T10:15:30Z"));

        String json = new String(EventJson.write(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"order_reference_id\":\"REF-1\"")
                .contains("\"total_amount\":{\"amount\":12.500,\"currency\":\"KWD\"}")
                .contains("\"occurred_at\":\"2026-11-20T10:15:30Z\"");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), OrderCreated.class)).isEqualTo(event);
    }
}
