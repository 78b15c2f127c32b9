package com.partnersportal.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Every query names the merchant: one merchant never sees another's orders. */
public interface OrderRepository extends Repository<Order, UUID> {

    Order save(Order order);

    Optional<Order> findByIdAndMerchantId(UUID id, UUID merchantId);

    /** The platform's own read of one order, for a caller who proved it may see it (the sandbox checkout's token). */
    @Query("SELECT * FROM orders WHERE id = :id")
    Optional<Order> findForPlatform(UUID id);

    /** Orders whose expiry is due, skipping any another replica is working on. */
    @Query("""
            SELECT id FROM orders WHERE status IN ('NEW', 'APPROVED') AND expires_at <= :now
            ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<UUID> dueToExpire(Instant now, int limit);

    @Query("""
            SELECT id FROM orders WHERE status IN ('AUTHORISED', 'UPDATED') AND auto_capture_at <= :now
            ORDER BY auto_capture_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<UUID> dueForAutoCapture(Instant now, int limit);
}
