package com.partnersportal.identity.role;

import com.partnersportal.identity.contract.Permission;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.relational.core.mapping.Table;

@Table("custom_role_permission")
public record RolePermission(String permission) {

    static Set<RolePermission> of(Set<Permission> permissions) {
        return permissions.stream().map(p -> new RolePermission(p.code())).collect(Collectors.toUnmodifiableSet());
    }
}
