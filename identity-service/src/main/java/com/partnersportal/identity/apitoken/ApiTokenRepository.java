package com.partnersportal.identity.apitoken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface ApiTokenRepository extends Repository<ApiToken, UUID> {

    ApiToken save(ApiToken token);

    List<ApiToken> findByMerchantIdAndNameAndRevokedAtIsNull(UUID merchantId, String name);

    Optional<ApiToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

    Optional<ApiToken> findByIdAndMerchantId(UUID id, UUID merchantId);
}
