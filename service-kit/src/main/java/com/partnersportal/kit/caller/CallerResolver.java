package com.partnersportal.kit.caller;

import com.partnersportal.kit.problem.ApiProblem;
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
 *   <li>anything else is a merchant API token, as on Tamara's API, looked up at identity-service.</li>
 * </ol>
 * Anything else is a 401 problem, in every mode: sandbox scripts use real API tokens too. The gateway checked the same token already; checking it again here keeps a
 * service safe from whatever reaches it around the gateway.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    /** Where {@link AuthorizeInterceptor} leaves the caller it established, so the request is checked once. */
    static final String ATTRIBUTE = Caller.class.getName();
    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier accessTokens;
    private final ApiTokenIntrospection apiTokens;
    private final Revocations revocations;

    public CallerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens) {
        this(accessTokens, apiTokens, Revocations.none());
    }

    public CallerResolver(AccessTokenVerifier accessTokens, ApiTokenIntrospection apiTokens, Revocations revocations) {
        this.accessTokens = accessTokens;
        this.apiTokens = apiTokens;
        this.revocations = revocations;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        if (request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST) instanceof Caller established) {
            return established;
        }
        return resolve(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    public Caller resolve(String authorization) {
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
                    .map(answer -> Caller.apiToken(answer.merchantId(), answer.tokenId(), answer.name()))
                    .orElseThrow(() -> unauthenticated("invalid_token", "The API token is unknown or revoked."));
        }
        throw unauthenticated("unauthenticated", "Send your token as 'Authorization: Bearer <token>'.");
    }

    /**
     * Whether {@link #resolve} answers from what this process already holds, without calling identity-service: no
     * token at all, an access token signed with a key already known, or an API token answered within its cache time.
     * A reactive caller (the gateway) resolves the others off its event loop.
     */
    public boolean answersAtOnce(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !revocations.loaded()) {
            return true;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return looksLikeJwt(token) ? accessTokens.answersAtOnce(token) : apiTokens.answered(token);
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private static ApiProblem unauthenticated(String code, String message) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, code, message);
    }
}
