package com.partnersportal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client behind a request, for sign-in throttling and the audit log: the connection's remote
 * address as Tomcat's RemoteIpValve reports it, which takes {@code X-Forwarded-For} into account only when the
 * connection comes from a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}, service-kit's defaults),
 * and then walks it from the right, so a client cannot put an address of its choosing in front.
 */
public final class ClientAddress {

    /** Outside a request (a start-up task): what the audit log records as the address. */
    public static final String NONE = "none";

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The current request's client address, or {@link #NONE}. */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return NONE;
    }
}
