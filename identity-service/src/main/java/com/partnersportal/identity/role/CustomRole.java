package com.partnersportal.identity.role;

import com.partnersportal.identity.contract.Permission;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A role a merchant made from the permissions merchants may hold. */
@Table("custom_role")
public record CustomRole(@Id UUID id, UUID merchantId, String name, String description, Instant createdAt,
        @MappedCollection(idColumn = "custom_role_id") Set<RolePermission> permissions, @Version Long version) {

    public CustomRole {
        permissions = Set.copyOf(permissions);
    }

    Set<Permission> permissionSet() {
        return permissions.stream().map(p -> Permission.fromCode(p.permission())).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    CustomRole changed(String newName, String newDescription, Set<Permission> newPermissions) {
        return new CustomRole(id, merchantId, newName, newDescription, createdAt, RolePermission.of(newPermissions),
                version);
    }

    AssignedRole assigned() {
        return new AssignedRole(id.toString(), name, description, false, permissionSet());
    }
}
