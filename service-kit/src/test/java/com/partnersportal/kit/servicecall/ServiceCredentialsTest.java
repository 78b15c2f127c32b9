package com.partnersportal.kit.servicecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Against a real HTTP server on loopback standing in for identity's token endpoint and an internal endpoint. */
class ServiceCredentialsTest {

    private HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> internalAuthorizations = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = ("{\"access_token\": \"svc-token-" + issued.incrementAndGet()
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": 300, \"scope\": \"recipients.read\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/internal/thing", exchange -> {
            internalAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesWithItsClientCredentialsKeepsTheTokenAndFetchesTheNextBeforeItExpires() {
        ServiceCredentials credentials = credentials("notification-service", "s3cret");
        RestClient internal = RestClient.builder().baseUrl(base()).requestInterceptor(credentials).build();

        internal.get().uri("/internal/thing").retrieve().toBodilessEntity();
        internal.get().uri("/internal/thing").retrieve().toBodilessEntity();
        clock.advance(Duration.ofSeconds(239));
        internal.get().uri("/internal/thing").retrieve().toBodilessEntity();
        clock.advance(Duration.ofSeconds(2));
        internal.get().uri("/internal/thing").retrieve().toBodilessEntity();

        assertThat(internalAuthorizations).containsExactly("Bearer svc-token-1", "Bearer svc-token-1",
                "Bearer svc-token-1", "Bearer svc-token-2");
        String basic = "Basic " + Base64.getEncoder().encodeToString("notification-service:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(tokenRequests).containsExactly(basic + " grant_type=client_credentials",
                basic + " grant_type=client_credentials");
    }

    @Test
    void withoutASecretItCannotGetATokenAndSendsNone() {
        ServiceCredentials credentials = credentials("orders-service", "");
        RestClient internal = RestClient.builder().baseUrl(base()).requestInterceptor(credentials).build();

        internal.get().uri("/internal/thing").retrieve().toBodilessEntity();

        assertThat(credentials.configured()).isFalse();
        assertThat(internalAuthorizations).containsExactly((String) null);
        assertThatThrownBy(credentials::token).isInstanceOf(RestClientException.class);
        assertThat(tokenRequests).isEmpty();
    }

    private ServiceCredentials credentials(String client, String secret) {
        return new ServiceCredentials(RestClient.create(), URI.create(base() + "/oauth2/token"), client, secret, clock);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
