package com.partnersportal.orders.order;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface CancelRepository extends Repository<Cancel, UUID> {

    List<Cancel> findByOrderIdOrderByCreatedAtAsc(UUID orderId);
}
