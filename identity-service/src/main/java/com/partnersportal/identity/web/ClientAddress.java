package com.partnersportal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client behind a request: the first hop of {@code X-Forwarded-For}, which the gateway sets,
 * else the connection's remote address. Used for sign-in throttling and the audit log.
 */
public final class ClientAddress {

    /** Outside a request (a start-up task): what the audit log records as the address. */
    public static final String NONE = "none";
    private static final Pattern PLAUSIBLE = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].trim();
            if (PLAUSIBLE.matcher(first).matches()) {
                return first;
            }
        }
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
