package com.partnersportal.kit.caller;

import com.partnersportal.kit.deployment.DeploymentMode;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Establishes the {@link Caller} of a request from {@code Authorization: Bearer <token>}:
 * <ol>
 *   <li>a JWT is a portal access token, verified against identity-service's published keys;</li>
 *   <li>anything else is a merchant API token, as on Tamara's API, looked up at identity-service;</li>
 *   <li>in a sandbox only, without a bearer token, the {@value #MERCHANT_HEADER} header names a merchant for
 *       scripts. Production never trusts it.</li>
 * </ol>
 * Anything else is a 401 problem. The gateway checked the same token already; checking it again here keeps a
 * service safe from whatever reaches it around the gateway.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    public static final String MERCHANT_HEADER = "X-Merchant-Id";
    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier accessTokens;
    private final ApiTokenIntrospection apiTokens;
    private final DeploymentMode deployment;
    private final Revocations revocations;

    public CallerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens, DeploymentMode deployment) {
        this(accessTokens, apiTokens, deployment, Revocations.none());
    }

    public CallerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens, DeploymentMode deployment,
            Revocations revocations) {
        this.accessTokens = accessTokens;
        this.apiTokens = apiTokens;
        this.deployment = deployment;
        this.revocations = revocations;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return resolve(request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(MERCHANT_HEADER));
    }

    public Caller resolve(String authorization, String merchantHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            if (!revocations.loaded()) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "revocations_loading",
                        "This service is starting and cannot yet tell revoked access from valid; try again in a moment.");
            }
            if (looksLikeJwt(token)) {
                return accessTokens.verify(token).orElseThrow(() -> unauthenticated("invalid_token",
                        "The access token is invalid or has expired; sign in again."));
            }
            return apiTokens.lookUp(token).filter(answer -> !revocations.refusesApiToken(answer.tokenId()))
                    .map(answer -> Caller.apiToken(answer.merchantId(), answer.tokenId()))
                    .orElseThrow(() -> unauthenticated("invalid_token", "The API token is unknown or revoked."));
        }
        if (merchantHeader != null && deployment.isSandbox()) {
            try {
                return Caller.apiToken(UUID.fromString(merchantHeader.trim()), null);
            } catch (IllegalArgumentException e) {
                throw unauthenticated("unauthenticated", MERCHANT_HEADER + " is not a merchant id.");
            }
        }
        throw unauthenticated("unauthenticated", "Send your token as 'Authorization: Bearer <token>'.");
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private static ApiProblem unauthenticated(String code, String message) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, code, message);
    }
}
