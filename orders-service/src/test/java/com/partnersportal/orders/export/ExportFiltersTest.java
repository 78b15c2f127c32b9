package com.partnersportal.orders.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.order.OrderStatus;
import com.partnersportal.orders.search.OrderFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportFiltersTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    private static OrderFilter stored(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), ExportFilters.class).toFilter(FROM, TO);
    }

    @Test
    void anExportStoredWithoutFiltersTakesTheListsDefaults() {
        OrderFilter filter = stored("{}");

        assertThat(filter.statuses()).isEmpty();
        assertThat(filter.includeHidden()).isFalse();
        assertThat(filter.currency()).isNull();
        assertThat(filter.countryCode()).isNull();
        assertThat(filter.paymentType()).isNull();
        assertThat(filter.amountMin()).isNull();
        assertThat(filter.createdFrom()).isEqualTo(FROM);
        assertThat(filter.createdTo()).isEqualTo(TO);
    }

    @Test
    void blankFiltersMeanAnyAsOnTheListAndGivenOnesAreKept() {
        assertThat(stored("""
                {"currency": " ", "country_code": "", "payment_type": "  ", "include_hidden": null}"""))
                .satisfies(filter -> {
                    assertThat(filter.currency()).isNull();
                    assertThat(filter.countryCode()).isNull();
                    assertThat(filter.paymentType()).isNull();
                    assertThat(filter.includeHidden()).isFalse();
                });
        assertThat(stored("""
                {"statuses": ["approved"], "currency": "SAR", "country_code": " SA ", "include_hidden": true}"""))
                .satisfies(filter -> {
                    assertThat(filter.statuses()).containsExactly(OrderStatus.APPROVED);
                    assertThat(filter.currency()).isEqualTo("SAR");
                    assertThat(filter.countryCode()).isEqualTo("SA");
                    assertThat(filter.includeHidden()).isTrue();
                });
    }
}
