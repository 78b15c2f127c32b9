package com.partnersportal.identity.apitoken;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A merchant API token, kept only as the SHA-256 hash of its secret and a short prefix to recognise it by. */
@Table("api_token")
public record ApiToken(@Id UUID id, UUID merchantId, String name, String tokenHash, String tokenPrefix,
        Instant createdAt, Instant revokedAt, Instant lastUsedAt, String createdBy, @Version Long version) {

    public ApiToken revokedAt(Instant when) {
        return new ApiToken(id, merchantId, name, tokenHash, tokenPrefix, createdAt, when, lastUsedAt, createdBy,
                version);
    }
}
