package com.partnersportal.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access-log line per request on the {@code gateway.access} logger: method, path (never the query, which
 * may hold a signed link), status, duration, client and the caller's kind and merchant. With structured logging
 * on, each is a field, next to the request id and trace id.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    /** Set by the route's access check once the caller is known ({@code kind:merchant}). */
    public static final String CALLER_SUMMARY = AccessLogFilter.class.getName() + ".caller";
    private static final Logger access = LoggerFactory.getLogger("gateway.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object caller = request.getAttribute(CALLER_SUMMARY);
            access.atInfo()
                    .addKeyValue("http.method", request.getMethod())
                    .addKeyValue("url.path", request.getRequestURI())
                    .addKeyValue("http.status", response.getStatus())
                    .addKeyValue("duration.ms", (System.nanoTime() - started) / 1_000_000)
                    .addKeyValue("client.address", request.getRemoteAddr())
                    .addKeyValue("caller", caller == null ? "anonymous" : caller)
                    .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                            (System.nanoTime() - started) / 1_000_000);
        }
    }
}
