package com.partnersportal.identity.role;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.session.AccessRevocations;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Built-in roles and each merchant's custom roles: what a role id means, and custom roles' life. */
@Service
public class Roles {

    static final int MAX_CUSTOM_ROLES = 50;

    private final CustomRoleRepository customRoles;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final AccessRevocations revocations;

    Roles(CustomRoleRepository customRoles, JdbcClient jdbc, AuditLog audit, Clock clock,
            AccessRevocations revocations) {
        this.revocations = revocations;
        this.customRoles = customRoles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A role a merchant's user may be given, by its id; a 400 {@code role_unknown} otherwise. */
    @Transactional(readOnly = true)
    public AssignedRole assignable(UUID merchantId, String roleId) {
        Optional<AssignedRole> builtIn = BuiltInRole.ofKey(roleId).filter(BuiltInRole::forMerchants)
                .map(AssignedRole::of);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        return customRoleId(roleId).flatMap(id -> customRoles.findByIdAndMerchantId(id, merchantId))
                .map(CustomRole::assigned)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "role_unknown",
                        "There is no role '%s'; see GET /portal/v1/roles.".formatted(abbreviate(roleId)),
                        Map.of("role", abbreviate(roleId))));
    }

    /** The role a user holds now (its permissions as they are now). */
    @Transactional(readOnly = true)
    public AssignedRole held(String builtInKey, UUID customRoleId) {
        if (builtInKey != null) {
            return BuiltInRole.ofKey(builtInKey).map(AssignedRole::of)
                    .orElseThrow(() -> new IllegalStateException("Unknown built-in role " + builtInKey));
        }
        return customRoles.findById(customRoleId).map(CustomRole::assigned)
                .orElseThrow(() -> new IllegalStateException("Unknown custom role " + customRoleId));
    }

    /** The merchant's roles: the built-in ones first, then its own by name. */
    @Transactional(readOnly = true)
    public List<AssignedRole> ofMerchant(UUID merchantId) {
        return Stream.concat(
                Arrays.stream(BuiltInRole.values()).filter(BuiltInRole::forMerchants).map(AssignedRole::of),
                customRoles.findByMerchantIdOrderByName(merchantId).stream().map(CustomRole::assigned)).toList();
    }

    public record RoleDefinition(String name, String description, List<String> permissions) {
    }

    @Transactional
    public AssignedRole create(Actor actor, UUID merchantId, RoleDefinition definition) {
        long existing = jdbc.sql("SELECT count(*) FROM custom_role WHERE merchant_id = :m").param("m", merchantId)
                .query(Long.class).single();
        if (existing >= MAX_CUSTOM_ROLES) {
            throw new ApiProblem(HttpStatus.CONFLICT, "role_limit_reached",
                    "A merchant may define at most %d roles of its own.".formatted(MAX_CUSTOM_ROLES),
                    Map.of("max", MAX_CUSTOM_ROLES));
        }
        String name = checkedName(definition.name());
        Set<Permission> permissions = grantable(definition.permissions());
        CustomRole role = saveUnique(new CustomRole(UUID.randomUUID(), merchantId, name, definition.description(),
                clock.instant(), RolePermission.of(permissions), null));
        audit.record(actor, merchantId, AuditAction.ROLE_CREATED, "role", role.id(), null, snapshot(role));
        return role.assigned();
    }

    @Transactional
    public AssignedRole update(Actor actor, UUID merchantId, String roleId, RoleDefinition definition) {
        CustomRole existing = own(merchantId, roleId);
        String name = checkedName(definition.name());
        Set<Permission> permissions = grantable(definition.permissions());
        CustomRole changed = saveUnique(existing.changed(name, definition.description(), permissions));
        if (!changed.assigned().permissions().equals(existing.assigned().permissions())) {
            revocations.revokeHoldersOf(existing.id(), merchantId);
        }
        audit.record(actor, merchantId, AuditAction.ROLE_UPDATED, "role", existing.id(), snapshot(existing),
                snapshot(changed));
        return changed.assigned();
    }

    @Transactional
    public void delete(Actor actor, UUID merchantId, String roleId) {
        CustomRole existing = own(merchantId, roleId);
        long holders = jdbc.sql("SELECT count(*) FROM app_user WHERE custom_role_id = :id")
                .param("id", existing.id()).query(Long.class).single();
        if (holders > 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "role_in_use",
                    "%d user(s) hold this role; give them another role first.".formatted(holders),
                    Map.of("users", holders));
        }
        customRoles.delete(existing);
        audit.record(actor, merchantId, AuditAction.ROLE_DELETED, "role", existing.id(), snapshot(existing), null);
    }

    private CustomRole own(UUID merchantId, String roleId) {
        if (BuiltInRole.ofKey(roleId).filter(BuiltInRole::forMerchants).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "role_built_in", "Built-in roles cannot be changed or deleted.");
        }
        return customRoleId(roleId).flatMap(id -> customRoles.findByIdAndMerchantId(id, merchantId))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "role_not_found", "There is no such role."));
    }

    private CustomRole saveUnique(CustomRole role) {
        try {
            return customRoles.save(role);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "role_name_taken",
                    "You already have a role named '%s'.".formatted(role.name()));
        }
    }

    private static String checkedName(String name) {
        String stripped = name.strip();
        if (BuiltInRole.clashes(stripped)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "role_name_taken",
                    "'%s' is the name of a built-in role.".formatted(stripped), Map.of("name", stripped));
        }
        return stripped;
    }

    /** The permissions a merchant's role may hold: any but {@code operator}. */
    private static Set<Permission> grantable(List<String> codes) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : new LinkedHashSet<>(codes)) {
            Permission permission = Permission.fromCode(code).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                    "permission_unknown", "There is no permission '%s'.".formatted(abbreviate(code)),
                    Map.of("permission", abbreviate(code))));
            if (permission == Permission.OPERATOR) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "permission_not_grantable",
                        "The operator permission belongs to the provider's staff only.",
                        Map.of("permission", code));
            }
            permissions.add(permission);
        }
        return permissions;
    }

    private static Map<String, Object> snapshot(CustomRole role) {
        return Map.of("name", role.name(), "description", String.valueOf(role.description()),
                "permissions", role.permissionSet().stream().map(Permission::code).sorted().toList());
    }

    private static Optional<UUID> customRoleId(String roleId) {
        try {
            return Optional.of(UUID.fromString(roleId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
