package com.partnersportal.orders.order;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface CaptureRepository extends Repository<Capture, UUID> {

    Capture save(Capture capture);

    List<Capture> findByOrderIdOrderByCreatedAtAsc(UUID orderId);
}
