package com.partnersportal.gateway.edge;

import com.partnersportal.gateway.web.PortalWebRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer: no MIME sniffing, no framing, no referrer, no caching of API answers, and
 * HSTS where the platform is served over HTTPS (production). API answers also get a Content-Security-Policy that
 * allows nothing; the API docs' UI, which needs its own scripts, gets a policy limited to this origin, and so does
 * the portal app (module portal-web), whose routes set their own caching.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * The portal app's pages: its own scripts, styles and API calls only, no inline script, no plugins, no framing;
     * {@code blob:} for the files it downloads with the user's token. Its routes set their own caching.
     */
    static final String PORTAL_APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final boolean production;

    public SecurityHeadersFilter(boolean production) {
        this.production = production;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        boolean docsUi = request.getRequestURI().startsWith("/swagger-ui");
        boolean portalApp = PortalWebRoutes.isAppPath(request.getRequestURI());
        response.setHeader("Content-Security-Policy", portalApp ? PORTAL_APP_POLICY : docsUi
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'");
        if (!docsUi && !portalApp) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (production) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
