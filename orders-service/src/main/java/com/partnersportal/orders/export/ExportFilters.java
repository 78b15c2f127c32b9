package com.partnersportal.orders.export;

import com.partnersportal.orders.order.OrderStatus;
import com.partnersportal.orders.search.OrderFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order list's filters an export was asked with (kept as JSON on the export). A missing or blank filter means
 * "any", as on the order list, and hidden orders are left out unless asked for: a stored {@code {}} exports every
 * order of the range that the list shows by default.
 */
record ExportFilters(List<String> statuses, BigDecimal amountMin, BigDecimal amountMax, String currency,
        String countryCode, UUID legalEntityId, String paymentType, Boolean includeHidden) {

    OrderFilter toFilter(Instant createdFrom, Instant createdTo) {
        return new OrderFilter(
                statuses == null ? null : statuses.stream().map(name -> OrderStatus.fromWireName(name).orElseThrow())
                        .collect(Collectors.toSet()),
                createdFrom, createdTo, null, null, amountMin, amountMax, any(currency), any(countryCode), legalEntityId,
                any(paymentType), null, Boolean.TRUE.equals(includeHidden));
    }

    private static String any(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
