package com.partnersportal.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Uncaptured money released before any capture: the whole order, or a part of it. */
@Table("order_cancel")
public record Cancel(@Id UUID id, UUID orderId, BigDecimal amount, String items, String actorType, String actorId,
        Instant createdAt) {
}
