package com.partnersportal.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The portal app (module portal-web) at /portal/: its pages, its assets, the mailed links, and its headers. */
@GatewayIntegrationTest
class PortalWebIT {

    @Autowired
    GatewayClient gateway;

    @Test
    void everyClientRouteGetsTheAppsIndexUncachedWithThePolicyThatLetsItRun() {
        for (String page : new String[] {"/portal/", "/portal/orders", "/portal/orders/7f0c/x", "/portal/sign-in"}) {
            ResponseEntity<String> answer = gateway.call(HttpMethod.GET, page, Map.of(), null);
            assertThat(answer.getStatusCode().value()).as(page).isEqualTo(200);
            assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("text/html");
            assertThat(answer.getBody()).contains("<div id=\"root\"></div>")
                    .contains("name=\"portal-environment\" content=\"sandbox\"");
            assertThat(answer.getHeaders().getFirst("Cache-Control")).isEqualTo("no-cache");
            String policy = answer.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(answer.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void hashedAssetsAreCachedForAYearAndUnknownOnesAreNotFound() throws IOException {
        String index = new ClassPathResource("portal-web/index.html").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("/portal/assets/[^\"]+\\.js").matcher(index);
        assertThat(script.find()).isTrue();

        ResponseEntity<String> asset = gateway.call(HttpMethod.GET, script.group(), Map.of(), null);
        assertThat(asset.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(asset.getHeaders().getContentType())).contains("javascript");
        assertThat(asset.getHeaders().getFirst("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        assertThat(gateway.call(HttpMethod.GET, "/portal/assets/missing.js", Map.of(), null).getStatusCode().value()).isEqualTo(404);
        assertThat(gateway.call(HttpMethod.GET, "/portal/assets/../index.html", Map.of(), null).getStatusCode().value())
                .isIn(400, 404);
    }

    @Test
    void theMailedLinksAndTheRootLeadIntoTheApp() {
        for (String link : new String[] {"/activate?token=abc_DEF-1", "/reset-password?token=xyz"}) {
            ResponseEntity<String> page = gateway.call(HttpMethod.GET, link, Map.of(), null);
            assertThat(page.getStatusCode().value()).as(link).isEqualTo(200);
            assertThat(page.getBody()).contains("<div id=\"root\"></div>");
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        }

        assertThat(gateway.call(HttpMethod.GET, "/", Map.of(), null).getHeaders().getFirst("Location")).isEqualTo("/portal/");
    }

    @Test
    void thePortalApiStaysTheRouteTables() {
        assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", Map.of(), null).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> unrouted = gateway.call(HttpMethod.GET, "/portal/v1/no-such-api", Map.of(), null);
        assertThat(unrouted.getStatusCode().value()).isEqualTo(404);
        assertThat(String.valueOf(unrouted.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(unrouted.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    }
}
