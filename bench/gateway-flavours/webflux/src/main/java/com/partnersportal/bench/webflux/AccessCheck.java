package com.partnersportal.bench.webflux;

import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.caller.CallerResolver;
import com.partnersportal.kit.problem.ApiProblem;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The merchant API route's rule, as the gateway's {@code RouteAccessFilters}: a live merchant API token. */
@Component
class AccessCheck {

    static final String CALLER = AccessCheck.class.getName() + ".caller";

    private final CallerResolver callers;

    AccessCheck(CallerResolver callers) {
        this.callers = callers;
    }

    GatewayFilter merchantApi() {
        return (exchange, chain) -> {
            Caller caller;
            try {
                caller = callers.resolve(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            } catch (ApiProblem problem) {
                return Problems.write(exchange, problem);
            }
            if (caller.kind() != Caller.Kind.API_TOKEN) {
                return Problems.write(exchange, new ApiProblem(HttpStatus.FORBIDDEN, "api_token_required",
                        "This is Tamara's merchant API: call it with the merchant's API token."));
            }
            exchange.getAttributes().put(CALLER, caller);
            exchange.getAttributes().put(EdgeWebFilters.CALLER_SUMMARY, caller.kind().wireName()
                    + (caller.merchantId() == null ? "" : ":" + caller.merchantId()));
            return chain.filter(exchange);
        };
    }
}
