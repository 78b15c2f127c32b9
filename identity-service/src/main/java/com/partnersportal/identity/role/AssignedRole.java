package com.partnersportal.identity.role;

import com.partnersportal.identity.contract.Permission;
import java.util.Set;
import java.util.UUID;

/**
 * A role as users hold it: a built-in role (id = its key, {@code admin}) or one of the merchant's custom roles
 * (id = the custom role's UUID), with its permissions.
 */
public record AssignedRole(String id, String name, String description, boolean builtIn, Set<Permission> permissions) {

    public AssignedRole {
        permissions = Set.copyOf(permissions);
    }

    static AssignedRole of(BuiltInRole role) {
        return new AssignedRole(role.key(), role.displayName(), role.description(), true, role.permissions());
    }

    /** The built-in role's key, or null for a custom role. */
    public String builtInKey() {
        return builtIn ? id : null;
    }

    /** The custom role's id, or null for a built-in role. */
    public UUID customRoleId() {
        return builtIn ? null : UUID.fromString(id);
    }

    public boolean isAdmin() {
        return builtIn && BuiltInRole.ADMIN.key().equals(id);
    }
}
