package com.partnersportal.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * The client's address as the services see it (one {@code X-Forwarded-For} value): a trusted proxy's account of it is
 * believed, anyone else's is not, so no caller picks its own address for the per-address limits or identity's
 * sign-in throttling.
 */
class ClientAddressIT {

    private static final String VIEWER = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(),
            Set.of(Permission.ORDERS_VIEW), List.of());

    /** The defaults: loopback is a trusted proxy (the tests call from 127.0.0.1). */
    @Nested
    @GatewayIntegrationTest
    class BehindATrustedProxy {

        @Autowired
        GatewayClient gateway;

        @Test
        void theClientIsTheLastAddressNoTrustedProxyAdded() {
            call(gateway, "/portal/v1/orders/through-proxy", Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 127.0.0.5"));

            assertThat(forwardedFor("/portal/v1/orders/through-proxy")).containsExactly("203.0.113.7");
        }

        @Test
        void aChainWithANameOrGarbageInItLeavesTheConnectionsAddress() {
            // A name is never looked up (no DNS query leaves the machine); the hop cannot be judged, so the chain ends.
            call(gateway, "/portal/v1/orders/named-hop", Map.of("X-Forwarded-For", "203.0.113.7, client.invalid"));
            call(gateway, "/portal/v1/orders/garbage-hop", Map.of("X-Forwarded-For", "999.1.1.1"));

            assertThat(forwardedFor("/portal/v1/orders/named-hop")).containsExactly("127.0.0.1");
            assertThat(forwardedFor("/portal/v1/orders/garbage-hop")).containsExactly("127.0.0.1");
        }

        @Test
        void withoutTheHeaderTheClientIsTheConnection() {
            call(gateway, "/portal/v1/orders/direct", Map.of());

            assertThat(forwardedFor("/portal/v1/orders/direct")).containsExactly("127.0.0.1");
        }
    }

    /** Loopback not trusted: the tests' calls are a caller's own. */
    @Nested
    @GatewayIntegrationTest
    @TestPropertySource(properties = "portal.gateway.trusted-proxies=192\\.0\\.2\\.1")
    class FromAnUntrustedCaller {

        @Autowired
        GatewayClient gateway;

        @Test
        void aForgedHeaderIsReplacedByTheConnectionsAddress() {
            call(gateway, "/portal/v1/orders/forged", Map.of("X-Forwarded-For", "203.0.113.7"));

            assertThat(forwardedFor("/portal/v1/orders/forged")).containsExactly("127.0.0.1");
        }
    }

    private static void call(GatewayClient gateway, String path, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + VIEWER);
        assertThat(gateway.call(HttpMethod.GET, path, all, null).getStatusCode().value()).isEqualTo(200);
    }

    private static List<String> forwardedFor(String path) {
        var received = SERVICES.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertThat(received).hasSize(1);
        return received.getFirst().getHeaders().getHeader("X-Forwarded-For").values();
    }
}
