package com.partnersportal.identity.apitoken;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.deployment.DeploymentProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's API tokens for its own systems (permission {@code api_tokens.manage}). */
@RestController
class ApiTokensController {

    private final ApiTokens tokens;
    private final String environmentLabel;

    ApiTokensController(ApiTokens tokens, DeploymentProperties deployment) {
        this.tokens = tokens;
        this.environmentLabel = deployment.environment().isSandbox() ? "sandbox" : "live";
    }

    record CreateApiTokenRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be a single line") String name) {
    }

    /** The only time the secret is shown. */
    record CreatedApiTokenResponse(UUID id, String name, String token, String prefix, Instant createdAt) {
    }

    record ApiTokenResponse(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            boolean revoked, Instant revokedAt) {

        static ApiTokenResponse of(ApiToken token) {
            return new ApiTokenResponse(token.id(), token.name(), token.tokenPrefix(), token.createdAt(),
                    token.lastUsedAt(), token.revokedAt() != null, token.revokedAt());
        }
    }

    record ApiTokensResponse(List<ApiTokenResponse> apiTokens, String nextCursor) {
    }

    @Authorize(permissions = Permission.API_TOKENS_MANAGE)
    @PostMapping("/portal/v1/api-tokens")
    ResponseEntity<CreatedApiTokenResponse> create(Caller caller, @Valid @RequestBody CreateApiTokenRequest request) {
        caller.require(Permission.API_TOKENS_MANAGE);
        UUID merchant = caller.requireMerchant();
        ApiTokens.IssuedToken issued = tokens.create(Actor.of(caller), merchant, request.name(), environmentLabel);
        ApiToken token = tokens.get(merchant, issued.id());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new CreatedApiTokenResponse(token.id(), token.name(), issued.secret(), token.tokenPrefix(),
                        token.createdAt()));
    }

    @GetMapping("/portal/v1/api-tokens")
    ApiTokensResponse list(Caller caller, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        caller.require(Permission.API_TOKENS_MANAGE);
        ApiTokens.Page page = tokens.list(caller.requireMerchant(), cursor, limit);
        return new ApiTokensResponse(page.tokens().stream().map(ApiTokenResponse::of).toList(), page.nextCursor());
    }

    @DeleteMapping("/portal/v1/api-tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.API_TOKENS_MANAGE);
        tokens.revoke(Actor.of(caller), caller.requireMerchant(), id);
    }
}
