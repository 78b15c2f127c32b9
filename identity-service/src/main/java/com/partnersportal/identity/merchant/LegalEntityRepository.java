package com.partnersportal.identity.merchant;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface LegalEntityRepository extends Repository<LegalEntity, UUID> {

    LegalEntity save(LegalEntity entity);

    List<LegalEntity> findByMerchantIdOrderByCreatedAtAscIdAsc(UUID merchantId);
}
