package com.partnersportal.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of an order's timeline: what changed, from which status to which, by how much, and who did it.
 *
 * @param referenceId the capture, refund or cancel id, or the previous reference for a reference change
 */
@Table("order_change")
public record OrderChange(@Id Long id, UUID orderId, String kind, String fromStatus, String toStatus,
        BigDecimal amount, String referenceId, String detail, String actorType, String actorId, Instant occurredAt) {
}
