package com.partnersportal.orders.order;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface OrderChangeRepository extends Repository<OrderChange, Long> {

    OrderChange save(OrderChange change);

    List<OrderChange> findByOrderIdOrderByIdAsc(UUID orderId);
}
