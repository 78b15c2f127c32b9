package com.partnersportal.orders.merchant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface LegalEntityRepository extends Repository<LegalEntity, UUID> {

    /** The entity through which the merchant sells in this country (one per country). */
    Optional<LegalEntity> findFirstByMerchantIdAndCountryCodeOrderByUpdatedAtDesc(UUID merchantId, String countryCode);

    Optional<LegalEntity> findById(UUID id);

    List<LegalEntity> findByMerchantId(UUID merchantId);
}
