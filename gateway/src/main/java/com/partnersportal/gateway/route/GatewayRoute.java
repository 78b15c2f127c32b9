package com.partnersportal.gateway.route;

import org.springframework.http.HttpMethod;

/**
 * One line of the gateway's route table: which requests (method, or any when null; a path pattern) go to which
 * service, who may make them, and under which rate limit.
 */
public record GatewayRoute(String id, Upstream upstream, HttpMethod method, String path, Access access,
        RateClass rateClass) {

    public String methodName() {
        return method == null ? "any" : method.name();
    }
}
