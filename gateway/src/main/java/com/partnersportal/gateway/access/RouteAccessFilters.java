package com.partnersportal.gateway.access;

import com.partnersportal.gateway.edge.AccessLogFilter;
import com.partnersportal.gateway.problem.ProblemResponses;
import com.partnersportal.gateway.route.Access;
import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.caller.CallerResolver;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authentication and authorisation per route, before anything reaches a service: portal access tokens are
 * verified against identity-service's JWKS (cached, following key rotation), merchant API tokens are looked up
 * at identity-service (cached for a minute), and the route's rule decides. Missing, expired, tampered, foreign
 * and {@code alg: none} tokens are a 401 problem; a caller without the route's permission a 403. The token itself
 * travels on, because each service verifies it again and scopes by the merchant in it.
 *
 * <p>A token answered from the caches is checked on the event loop; one that needs identity-service (an API token
 * not seen in the last minute, a key set to fetch) waits on a worker thread, never on the event loop.
 */
@Component
public class RouteAccessFilters {

    /** The exchange attribute holding the established {@link Caller} (for rate limits and the access log). */
    public static final String CALLER = RouteAccessFilters.class.getName() + ".caller";

    private final CallerResolver callers;

    RouteAccessFilters(CallerResolver callers) {
        this.callers = callers;
    }

    public GatewayFilter forRoute(GatewayRoute route) {
        Access access = route.access();
        if (access.kind() == Access.Kind.OPEN) {
            return (exchange, chain) -> chain.filter(exchange);
        }
        return (exchange, chain) -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            Mono<Caller> caller = callers.answersAtOnce(authorization)
                    ? Mono.fromCallable(() -> callers.resolve(authorization))
                    : Mono.fromCallable(() -> callers.resolve(authorization)).subscribeOn(Schedulers.boundedElastic());
            return caller
                    .flatMap(established -> {
                        Optional<ApiProblem> refusal = refusal(access, established);
                        if (refusal.isPresent()) {
                            return ProblemResponses.write(exchange, refusal.get());
                        }
                        exchange.getAttributes().put(CALLER, established);
                        exchange.getAttributes().put(AccessLogFilter.CALLER_SUMMARY, established.kind().wireName()
                                + (established.merchantId() == null ? "" : ":" + established.merchantId()));
                        return chain.filter(exchange);
                    })
                    .onErrorResume(ApiProblem.class, problem -> ProblemResponses.write(exchange, problem));
        };
    }

    static Optional<ApiProblem> refusal(Access access, Caller caller) {
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

    private static Optional<ApiProblem> forbidden(String code, String message, Permission needed) {
        return Optional.of(new ApiProblem(HttpStatus.FORBIDDEN, code, message,
                needed == null ? Map.of() : Map.of("permission", needed.code())));
    }

    /** The caller established for this exchange, if its route needed one. */
    public static Optional<Caller> callerOf(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(CALLER));
    }
}
