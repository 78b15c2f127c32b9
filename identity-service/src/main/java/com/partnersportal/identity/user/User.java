package com.partnersportal.identity.user;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A member of a merchant's team who signs in to the portal. */
@Table("app_user")
public record User(@Id UUID id, UUID merchantId, String email, String fullName, String role, String passwordHash,
        UserStatus status, String locale, Instant createdAt, @Version Long version) {

    public User withPasswordHash(String newPasswordHash) {
        return new User(id, merchantId, email, fullName, role, newPasswordHash, UserStatus.ACTIVE, locale, createdAt,
                version);
    }
}
