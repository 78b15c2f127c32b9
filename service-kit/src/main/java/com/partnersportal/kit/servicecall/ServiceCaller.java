package com.partnersportal.kit.servicecall;

import java.util.Set;

/**
 * A platform service calling an {@code /internal/...} endpoint, as its verified service token says.
 *
 * @param clientId the calling service's client id at identity-service
 * @param scopes   what identity granted it
 */
public record ServiceCaller(String clientId, Set<String> scopes) {

    /** The request attribute under which {@link InternalCallInterceptor} leaves the verified caller. */
    public static final String ATTRIBUTE = ServiceCaller.class.getName();

    public ServiceCaller {
        scopes = Set.copyOf(scopes);
    }
}
