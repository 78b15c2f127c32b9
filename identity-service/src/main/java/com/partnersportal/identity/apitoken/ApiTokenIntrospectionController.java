package com.partnersportal.identity.apitoken;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.kit.servicecall.ServiceScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token introspection for the other services (RFC 7662 in spirit): is this merchant API token live, and
 * whose is it? Internal: the gateway never routes {@code /internal/**}, and only
 * service tokens with scope {@code api-tokens.introspect} are answered.
 */
@RestController
class ApiTokenIntrospectionController {

    private final ApiTokens tokens;

    ApiTokenIntrospectionController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record IntrospectionRequest(@NotBlank @Size(max = 512) String token) {
    }

    record IntrospectionResponse(boolean active, UUID merchantId, UUID tokenId, String name) {
    }

    @ServiceScope(ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT)
    @PostMapping("/internal/api-tokens/introspect")
    IntrospectionResponse introspect(@Valid @RequestBody IntrospectionRequest request) {
        return tokens.findLive(request.token())
                .map(token -> new IntrospectionResponse(true, token.merchantId(), token.id(), token.name()))
                .orElse(new IntrospectionResponse(false, null, null, null));
    }
}
