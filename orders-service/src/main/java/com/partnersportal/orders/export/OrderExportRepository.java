package com.partnersportal.orders.export;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface OrderExportRepository extends Repository<OrderExport, UUID> {

    OrderExport save(OrderExport export);

    Optional<OrderExport> findById(UUID id);

    Optional<OrderExport> findByIdAndMerchantId(UUID id, UUID merchantId);

    List<OrderExport> findTop50ByMerchantIdAndRequestedByOrderByCreatedAtDesc(UUID merchantId, String requestedBy);
}
