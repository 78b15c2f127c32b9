package com.partnersportal.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Captured money given back. {@code captureId} is the first capture it drew from; the allocations say how much
 * came from each capture.
 */
@Table("order_refund")
public record Refund(@Id UUID id, UUID orderId, UUID captureId, BigDecimal amount, String comment,
        String merchantRefundId, @MappedCollection(idColumn = "refund_id") Set<Allocation> allocations,
        String actorType, String actorId, Instant createdAt) {

    @Table("order_refund_allocation")
    public record Allocation(UUID captureId, BigDecimal amount) {
    }
}
