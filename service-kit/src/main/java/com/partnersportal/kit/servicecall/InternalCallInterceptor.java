package com.partnersportal.kit.servicecall;

import com.partnersportal.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards every {@code /internal/**} request before its body is read: without a valid service token it is a 401
 * problem; with one whose scopes lack the handler's {@link ServiceScope} (or for a handler that names none) a 403.
 * Portal access tokens and merchant API tokens are not service tokens and are refused like no token at all.
 */
public class InternalCallInterceptor implements HandlerInterceptor {

    public static final String PATHS = "/internal/**";
    private static final String BEARER = "Bearer ";

    private final ServiceTokenVerifier verifier;

    public InternalCallInterceptor(ServiceTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true; // no endpoint here (static resources' fallback): the 404 problem says so and nothing else
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        ServiceCaller caller = authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? null
                : verifier.verify(authorization.substring(BEARER.length()).trim()).orElse(null);
        if (caller == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "service_token_required",
                    "Internal endpoints answer only platform services: send a service access token from identity-service"
                            + " as 'Authorization: Bearer <token>'.");
        }
        ServiceScope scope = ((HandlerMethod) handler).getMethodAnnotation(ServiceScope.class);
        if (scope == null || !caller.scopes().contains(scope.value())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "service_scope_missing",
                    "This service client may not call this endpoint.",
                    scope == null ? Map.of("client_id", caller.clientId())
                            : Map.of("client_id", caller.clientId(), "scope", scope.value()));
        }
        request.setAttribute(ServiceCaller.ATTRIBUTE, caller);
        return true;
    }
}
