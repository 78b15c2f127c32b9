package com.partnersportal.identity.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone who signs in to the portal: a member of a merchant's team, or one of the provider's operators (no
 * merchant). Holds a built-in role ({@code role}, its key) or one of the merchant's custom roles, and may be limited
 * to some of the merchant's legal entities (none: all of them).
 */
@Table("app_user")
public record User(@Id UUID id, UUID merchantId, String email, String fullName, String role, UUID customRoleId,
        String passwordHash, UserStatus status, String locale, Instant createdAt,
        @MappedCollection(idColumn = "app_user_id") Set<UserLegalEntity> legalEntities, @Version Long version) {

    public User {
        legalEntities = legalEntities == null ? Set.of() : Set.copyOf(legalEntities);
    }

    public Set<UUID> legalEntityIds() {
        return legalEntities.stream().map(UserLegalEntity::legalEntityId).collect(Collectors.toUnmodifiableSet());
    }

    public User withPasswordHash(String newPasswordHash) {
        return new User(id, merchantId, email, fullName, role, customRoleId, newPasswordHash, UserStatus.ACTIVE, locale,
                createdAt, legalEntities, version);
    }

    User withRole(String newRole, UUID newCustomRoleId) {
        return new User(id, merchantId, email, fullName, newRole, newCustomRoleId, passwordHash, status, locale,
                createdAt, legalEntities, version);
    }

    User withLegalEntities(Set<UUID> entityIds) {
        return new User(id, merchantId, email, fullName, role, customRoleId, passwordHash, status, locale, createdAt,
                entityIds.stream().map(UserLegalEntity::new).collect(Collectors.toUnmodifiableSet()), version);
    }

    User withStatus(UserStatus newStatus) {
        return new User(id, merchantId, email, fullName, role, customRoleId, passwordHash, newStatus, locale, createdAt,
                legalEntities, version);
    }
}
