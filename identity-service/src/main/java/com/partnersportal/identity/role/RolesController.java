package com.partnersportal.identity.role;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles (built-in and the merchant's own) and the permissions they are made of. */
@RestController
class RolesController {

    private final Roles roles;

    RolesController(Roles roles) {
        this.roles = roles;
    }

    record RoleResponse(String id, String name, String description, boolean builtIn, List<String> permissions) {

        static RoleResponse of(AssignedRole role) {
            return new RoleResponse(role.id(), role.name(), role.description(), role.builtIn(),
                    role.permissions().stream().sorted(Comparator.naturalOrder()).map(Permission::code).toList());
        }
    }

    record RolesResponse(List<RoleResponse> roles) {
    }

    record PermissionResponse(String code) {
    }

    record PermissionsResponse(List<PermissionResponse> permissions) {
    }

    record RoleRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String name,
            @Size(max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String description,
            @NotEmpty @Size(max = 32) List<@NotBlank @Size(max = 64) String> permissions) {

        Roles.RoleDefinition definition() {
            return new Roles.RoleDefinition(name, description, permissions);
        }
    }

    @GetMapping("/portal/v1/roles")
    RolesResponse list(Caller caller) {
        return new RolesResponse(roles.ofMerchant(caller.requireMerchant()).stream()
                .map(RoleResponse::of).toList());
    }

    @GetMapping("/portal/v1/permissions")
    PermissionsResponse permissions(Caller caller) {
        caller.requireMerchant();
        return new PermissionsResponse(Arrays.stream(Permission.values()).filter(p -> p != Permission.OPERATOR)
                .map(p -> new PermissionResponse(p.code())).toList());
    }

    @Authorize(permissions = Permission.USERS_MANAGE)
    @PostMapping("/portal/v1/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RoleResponse create(Caller caller, @Valid @RequestBody RoleRequest request) {
        caller.require(Permission.USERS_MANAGE);
        return RoleResponse.of(roles.create(Actor.of(caller), caller.requireMerchant(), request.definition()));
    }

    @Authorize(permissions = Permission.USERS_MANAGE)
    @PutMapping("/portal/v1/roles/{id}")
    RoleResponse update(Caller caller, @PathVariable String id, @Valid @RequestBody RoleRequest request) {
        caller.require(Permission.USERS_MANAGE);
        return RoleResponse.of(roles.update(Actor.of(caller), caller.requireMerchant(), id, request.definition()));
    }

    @DeleteMapping("/portal/v1/roles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        caller.require(Permission.USERS_MANAGE);
        roles.delete(Actor.of(caller), caller.requireMerchant(), id);
    }
}
