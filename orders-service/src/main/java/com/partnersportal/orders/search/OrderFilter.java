package com.partnersportal.orders.search;

import com.partnersportal.orders.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a portal user filters the order list (and an export) by. Null means "any". Declined and expired orders
 * are left out unless asked for by status or {@code includeHidden}.
 *
 * @param search exact match on Tamara's order id, the merchant's order reference or the order number
 */
public record OrderFilter(
        Set<OrderStatus> statuses,
        Instant createdFrom,
        Instant createdTo,
        Instant updatedFrom,
        Instant updatedTo,
        BigDecimal amountMin,
        BigDecimal amountMax,
        String currency,
        String countryCode,
        UUID legalEntityId,
        String paymentType,
        String search,
        boolean includeHidden) {

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
