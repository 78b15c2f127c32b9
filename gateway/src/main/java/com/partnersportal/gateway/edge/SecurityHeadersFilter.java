package com.partnersportal.gateway.edge;

import com.partnersportal.gateway.web.PortalWebRoutes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer: no MIME sniffing, no framing, no referrer, no caching of API answers, and
 * HSTS where the platform is served over HTTPS (production). API answers also get a Content-Security-Policy that
 * allows nothing; the API docs' UI, which needs its own scripts, gets a policy limited to this origin, and so does
 * the portal app (module portal-web), whose routes set their own caching.
 */
public class SecurityHeadersFilter implements WebFilter {

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
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String path = exchange.getRequest().getPath().value();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        boolean docsUi = path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
        boolean portalApp = PortalWebRoutes.isAppPath(path);
        headers.set("Content-Security-Policy", portalApp ? PORTAL_APP_POLICY : docsUi
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'");
        if (!docsUi && !portalApp) {
            headers.set("Cache-Control", "no-store");
        }
        if (production) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return chain.filter(exchange);
    }
}
