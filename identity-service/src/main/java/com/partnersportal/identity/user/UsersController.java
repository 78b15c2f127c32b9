package com.partnersportal.identity.user;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.role.Roles;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's admins manage their team (permission {@code users.manage}). */
@RestController
class UsersController {

    static final String EMAIL = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";
    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

    private final Users users;
    private final UserDirectory directory;
    private final Roles roles;
    private final SecondFactorDirectory secondFactors;

    UsersController(Users users, UserDirectory directory, Roles roles, SecondFactorDirectory secondFactors) {
        this.users = users;
        this.directory = directory;
        this.roles = roles;
        this.secondFactors = secondFactors;
    }

    record AddUserRequest(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL, message = "must be an email address") String email,
            @NotBlank @Size(max = 255) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String fullName,
            @NotNull @Pattern(regexp = "en|ar", message = "must be en or ar") String locale,
            @NotBlank @Size(max = 64) String role,
            @Size(max = 100) List<@NotNull UUID> legalEntityIds) {
    }

    record ChangeUserRequest(@Size(min = 1, max = 64) String role, @Size(max = 100) List<@NotNull UUID> legalEntityIds) {
    }

    record UsersPage(List<UserResponse> users, String nextCursor) {
    }

    @GetMapping("/portal/v1/users")
    UsersPage list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String role, @RequestParam(required = false) String search,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        caller.require(Permission.USERS_MANAGE);
        UUID merchant = caller.requireMerchant();
        if (search != null && search.length() > 254) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_search", "search may have at most 254 characters.");
        }
        if (role != null && role.length() > 64) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "role_unknown", "There is no such role.");
        }
        UserDirectory.Page page = directory.list(merchant, new UserDirectory.Filter(status(status), role, search),
                cursor, limit);
        Set<UUID> enrolled = secondFactors.enrolledAmong(page.users().stream().map(User::id).toList());
        return new UsersPage(page.users().stream()
                .map(user -> UserResponse.of(new Users.UserView(user, roles.held(user.role(), user.customRoleId())),
                        enrolled.contains(user.id())))
                .toList(), page.nextCursor());
    }

    @GetMapping("/portal/v1/users/{id}")
    UserResponse get(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        return UserResponse.of(users.get(caller.requireMerchant(), id), secondFactors);
    }

    @Authorize(permissions = Permission.USERS_MANAGE)
    @PostMapping("/portal/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse add(Caller caller, @Valid @RequestBody AddUserRequest request) {
        caller.require(Permission.USERS_MANAGE);
        return UserResponse.of(users.invite(Actor.of(caller), caller.requireMerchant(),
                new Users.NewUser(request.email(), request.fullName(), request.locale(), request.role(),
                        request.legalEntityIds())), secondFactors);
    }

    @Authorize(permissions = Permission.USERS_MANAGE)
    @PatchMapping("/portal/v1/users/{id}")
    UserResponse change(Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeUserRequest request) {
        caller.require(Permission.USERS_MANAGE);
        return UserResponse.of(users.change(Actor.of(caller), caller.requireMerchant(), id, request.role(),
                request.legalEntityIds()), secondFactors);
    }

    @PostMapping("/portal/v1/users/{id}/activation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void reissueActivation(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        users.reissueActivation(Actor.of(caller), caller.requireMerchant(), id);
    }

    @PostMapping("/portal/v1/users/{id}/disable")
    UserResponse disable(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        return UserResponse.of(users.disable(Actor.of(caller), caller.requireMerchant(), id), secondFactors);
    }

    @PostMapping("/portal/v1/users/{id}/enable")
    UserResponse enable(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        return UserResponse.of(users.enable(Actor.of(caller), caller.requireMerchant(), id), secondFactors);
    }

    @DeleteMapping("/portal/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.USERS_MANAGE);
        users.remove(Actor.of(caller), caller.requireMerchant(), id);
    }

    private static UserStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(UserStatus.values()).filter(s -> s.wireName().equals(status)).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_status",
                        "status must be invited, active or disabled.", Map.of("status", "invited|active|disabled")));
    }
}
