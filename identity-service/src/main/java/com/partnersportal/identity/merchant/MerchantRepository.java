package com.partnersportal.identity.merchant;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface MerchantRepository extends Repository<Merchant, UUID> {

    Merchant save(Merchant merchant);

    Optional<Merchant> findById(UUID id);

    /** Takes the merchant's row lock: administrative changes to one merchant's team happen one at a time. */
    @Query("SELECT * FROM merchant WHERE id = :id FOR UPDATE")
    Optional<Merchant> lockById(UUID id);
}
