package com.partnersportal.orders.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface RefundRepository extends Repository<Refund, UUID> {

    List<Refund> findByOrderIdOrderByCreatedAtAsc(UUID orderId);

    Optional<Refund> findByOrderIdAndMerchantRefundId(UUID orderId, String merchantRefundId);
}
