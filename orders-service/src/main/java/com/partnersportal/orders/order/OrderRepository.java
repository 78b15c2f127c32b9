package com.partnersportal.orders.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface OrderRepository extends Repository<Order, UUID> {

    Order save(Order order);

    /** Always scoped by the merchant: one merchant never sees another's orders. */
    Optional<Order> findByIdAndMerchantId(UUID id, UUID merchantId);
}
