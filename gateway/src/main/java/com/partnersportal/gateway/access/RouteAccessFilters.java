package com.partnersportal.gateway.access;

import com.partnersportal.gateway.edge.AccessLogFilter;
import com.partnersportal.gateway.route.Access;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.caller.CallerResolver;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.problem.ProblemBodies;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Authentication and authorisation per route, before anything reaches a service: portal access tokens are
 * verified against identity-service's JWKS (cached, following key rotation), merchant API tokens are looked up
 * at identity-service (cached for a minute), and the route's rule decides. Missing, expired, tampered, foreign
 * and {@code alg: none} tokens are a 401 problem; a caller without the route's permission a 403. The token itself
 * travels on, because each service verifies it again and scopes by the merchant in it.
 */
@Component
public class RouteAccessFilters {

    /** The request attribute holding the established {@link Caller} (for rate limits and the access log). */
    public static final String CALLER = RouteAccessFilters.class.getName() + ".caller";

    private final CallerResolver callers;

    RouteAccessFilters(CallerResolver callers) {
        this.callers = callers;
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> forRoute(GatewayRoute route) {
        Access access = route.access();
        if (access.kind() == Access.Kind.OPEN) {
            return (request, next) -> next.handle(request);
        }
        return (request, next) -> {
            Caller caller;
            try {
                caller = callers.resolve(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
            } catch (ApiProblem problem) {
                return ProblemBodies.serverResponse(problem);
            }
            Optional<ServerResponse> refusal = refusal(access, caller);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            request.attributes().put(CALLER, caller);
            request.attributes().put(AccessLogFilter.CALLER_SUMMARY, caller.kind().wireName()
                    + (caller.merchantId() == null ? "" : ":" + caller.merchantId()));
            return next.handle(request);
        };
    }

    static Optional<ServerResponse> refusal(Access access, Caller caller) {
        return switch (access.kind()) {
            case OPEN -> Optional.empty();
            case MERCHANT_API -> caller.kind() == Caller.Kind.API_TOKEN ? Optional.empty()
                    : forbidden("api_token_required", "This is Tamara's merchant API: call it with the merchant's API token.", null);
            case SIGNED_IN -> caller.kind() == Caller.Kind.USER ? Optional.empty()
                    : forbidden("user_token_required", "Sign in to the portal to call this.", null);
            case PERMISSION -> caller.kind() == Caller.Kind.USER && caller.can(access.permission()) ? Optional.empty()
                    : forbidden("forbidden", "Your role does not allow this (needs '%s').".formatted(access.permission().code()),
                            access.permission());
            case OPERATOR -> caller.can(Permission.OPERATOR) ? Optional.empty()
                    : forbidden("forbidden", "Only the provider's operators may call this.", Permission.OPERATOR);
        };
    }

    private static Optional<ServerResponse> forbidden(String code, String message, Permission needed) {
        return Optional.of(ProblemBodies.serverResponse(new ApiProblem(HttpStatus.FORBIDDEN, code, message,
                needed == null ? Map.of() : Map.of("permission", needed.code()))));
    }

    /** The caller established for this request, if its route needed one. */
    public static Optional<Caller> callerOf(ServerRequest request) {
        return Optional.ofNullable((Caller) request.attributes().get(CALLER));
    }
}
