package com.partnersportal.identity.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface UserRepository extends Repository<User, UUID> {

    User save(User user);

    Optional<User> findById(UUID id);

    Optional<User> findByIdAndMerchantId(UUID id, UUID merchantId);

    @Query("SELECT * FROM app_user WHERE lower(email) = lower(:email)")
    Optional<User> findByEmail(String email);

    @Query("""
            SELECT count(*) FROM app_user
            WHERE merchant_id = :merchantId AND role = 'admin' AND status = 'ACTIVE' AND id <> :userId""")
    long countOtherActiveAdmins(UUID merchantId, UUID userId);

    /** A merchant's active users, for the notifications they should receive (a merchant's team is small). */
    @Query("SELECT * FROM app_user WHERE merchant_id = :merchantId AND status = 'ACTIVE' ORDER BY email LIMIT 1000")
    List<User> findActiveByMerchantId(UUID merchantId);

    void delete(User user);
}
