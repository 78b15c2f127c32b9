package com.partnersportal.orders.contract;

import java.util.UUID;

/**
 * Where an order stands right after the change an event describes. Every order event carries one, so a
 * consumer never needs an earlier event (or orders-service) to know the order's status and totals.
 *
 * @param previousStatus the status before this change (null for {@link OrderCreated})
 * @param legalEntityId  the merchant's legal entity that sold it (the one registered in the order's country)
 */
public record OrderSnapshot(
        UUID orderId,
        UUID merchantId,
        UUID legalEntityId,
        String orderReferenceId,
        String orderNumber,
        String status,
        String previousStatus,
        String countryCode,
        String paymentType,
        OrderTotals totals) {
}
