package com.partnersportal.identity.user;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.servicecall.ServiceScope;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.identity.role.Roles;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal (never routed by the gateway; service tokens with scope {@code recipients.read} only): who at a merchant should hear of something, for notification-service.
 * A settlement report goes to the active users whose role can view settlements and who may see its legal entity;
 * a disabled webhook endpoint to those who manage webhooks.
 */
@RestController
class RecipientsController {

    private final UserRepository users;
    private final Roles roles;

    RecipientsController(UserRepository users, Roles roles) {
        this.users = users;
        this.roles = roles;
    }

    record Recipient(UUID userId, String email, String fullName, String locale) {
    }

    record Recipients(List<Recipient> recipients) {
    }

    @ServiceScope(ServiceTokenClaims.Scopes.RECIPIENTS_READ)
    @GetMapping("/internal/merchants/{merchantId}/recipients")
    Recipients recipients(@PathVariable UUID merchantId, @RequestParam String permission,
            @RequestParam(name = "legal_entity_id", required = false) UUID legalEntityId) {
        Permission needed = Permission.fromCode(permission).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                "invalid_field", "permission is not one of the platform's permissions.", Map.of("field", "permission")));
        return new Recipients(users.findActiveByMerchantId(merchantId).stream()
                .filter(user -> roles.held(user.role(), user.customRoleId()).permissions().contains(needed))
                .filter(user -> legalEntityId == null || user.legalEntityIds().isEmpty()
                        || user.legalEntityIds().contains(legalEntityId))
                .map(user -> new Recipient(user.id(), user.email(), user.fullName(), user.locale()))
                .toList());
    }
}
