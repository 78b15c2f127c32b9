package com.partnersportal.gateway.web;

import com.partnersportal.kit.deployment.DeploymentProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves the portal's single-page app (module {@code portal-web}, packaged under {@code classpath:/portal-web/})
 * at {@code /portal/}: hashed assets with a year's caching, {@code index.html} for every client-side route
 * (never cached, so a new release is picked up at once), with the environment written into it for the sandbox
 * marker. The mailed {@code /activate} and {@code /reset-password} links open the app too; {@code /} leads to it. The
 * API under {@code /portal/v1/} is the route table's, never the app's.
 */
@Configuration
public class PortalWebRoutes {

    public static final String BASE = "/portal/";
    private static final String API = "/portal/v1/";
    private static final String ASSETS = "/portal/assets/";
    private static final String LOCATION = "portal-web/";
    private static final String ACTIVATION_LINK = "/activate";
    private static final String RESET_LINK = "/reset-password";

    /** Whether a path is the app's own (its pages and assets), which get the app's headers rather than the API's. */
    public static boolean isAppPath(String path) {
        return path.equals("/") || path.equals("/portal") || path.equals(ACTIVATION_LINK) || path.equals(RESET_LINK)
                || (path.startsWith(BASE) && !path.startsWith(API));
    }

    @Bean
    RouterFunction<ServerResponse> portalWeb(DeploymentProperties deployment) throws IOException {
        String index = index(deployment.environment().isSandbox() ? "sandbox" : "production");
        return RouterFunctions.route()
                .GET("/", request -> redirect(BASE))
                .GET("/portal", request -> redirect(BASE))
                // The links in activation and reset emails (notification-service's portal-url + these paths): the
                // app opens at once (no redirect, so the link answers 200) and moves itself under /portal/.
                .GET(ACTIVATION_LINK, request -> page(index))
                .GET(RESET_LINK, request -> page(index))
                .route(RequestPredicates.method(HttpMethod.GET).and(RequestPredicates.path(ASSETS + "**")),
                        PortalWebRoutes::asset)
                .route(RequestPredicates.method(HttpMethod.GET).and(RequestPredicates.path(BASE + "**"))
                        .and(request -> !request.path().startsWith(API)), request -> page(index))
                .build();
    }

    private static Mono<ServerResponse> redirect(String location) {
        return ServerResponse.status(302).location(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    private static Mono<ServerResponse> asset(ServerRequest request) {
        String name = request.path().substring(ASSETS.length());
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        Resource resource = new ClassPathResource(LOCATION + "assets/" + name);
        if (!resource.isReadable()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return ServerResponse.ok()
                .contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
                // File names carry a content hash: a changed file is a new name.
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .bodyValue(resource);
    }

    private static Mono<ServerResponse> page(String index) {
        if (index == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-cache")
                .bodyValue(index);
    }

    /** The app's page with this environment written in, read once; null when the app was not packaged. */
    private static String index(String environment) throws IOException {
        Resource resource = new ClassPathResource(LOCATION + "index.html");
        if (!resource.isReadable()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__PORTAL_ENVIRONMENT__", environment);
        }
    }
}
