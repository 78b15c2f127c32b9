package com.partnersportal.identity.user;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.role.BuiltInRole;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators invite a newly registered merchant's first admin, who then builds the team. */
@RestController
class OperatorUsersController {

    private final Users users;

    OperatorUsersController(Users users) {
        this.users = users;
    }

    record InviteAdminRequest(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = UsersController.EMAIL, message = "must be an email address")
            String email,
            @NotBlank @Size(max = 255) @Pattern(regexp = UsersController.SINGLE_LINE, message = "must be a single line")
            String fullName,
            @NotNull @Pattern(regexp = "en|ar", message = "must be en or ar") String locale) {
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/merchants/{merchantId}/admins")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse inviteAdmin(Caller caller, @PathVariable UUID merchantId,
            @Valid @RequestBody InviteAdminRequest request) {
        caller.require(Permission.OPERATOR);
        return UserResponse.of(users.invite(Actor.of(caller), merchantId, new Users.NewUser(request.email(),
                request.fullName(), request.locale(), BuiltInRole.ADMIN.key(), List.of())), false);
    }
}
