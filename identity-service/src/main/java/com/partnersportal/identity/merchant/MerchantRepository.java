package com.partnersportal.identity.merchant;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface MerchantRepository extends Repository<Merchant, UUID> {

    Merchant save(Merchant merchant);

    Optional<Merchant> findById(UUID id);
}
