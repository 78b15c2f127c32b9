package com.partnersportal.gateway.access;

import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN;
import static com.partnersportal.gateway.testing.GatewayStandIns.SERVICES;
import static com.partnersportal.identity.contract.Permission.API_TOKENS_MANAGE;
import static com.partnersportal.identity.contract.Permission.AUDIT_VIEW;
import static com.partnersportal.identity.contract.Permission.INVOICES_EXPORT;
import static com.partnersportal.identity.contract.Permission.INVOICES_VIEW;
import static com.partnersportal.identity.contract.Permission.OPERATOR;
import static com.partnersportal.identity.contract.Permission.ORDERS_CANCEL;
import static com.partnersportal.identity.contract.Permission.ORDERS_CAPTURE;
import static com.partnersportal.identity.contract.Permission.ORDERS_EXPORT;
import static com.partnersportal.identity.contract.Permission.ORDERS_REFUND;
import static com.partnersportal.identity.contract.Permission.ORDERS_VIEW;
import static com.partnersportal.identity.contract.Permission.SETTLEMENTS_VIEW;
import static com.partnersportal.identity.contract.Permission.WEBHOOKS_MANAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import com.partnersportal.gateway.route.Upstream;
import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every built-in role, an operator and a merchant API token against every route of the table: allowed callers
 * reach the service, the others get a 403 problem and the service never hears of them.
 */
@GatewayIntegrationTest
class RouteAccessMatrixIT {

    @Autowired
    GatewayClient gateway;

    /** The built-in roles as docs/identity.md defines them; the gateway only ever sees their permissions. */
    private static final Map<String, Set<Permission>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin", EnumSet.complementOf(EnumSet.of(OPERATOR)));
        ROLES.put("finance", EnumSet.of(ORDERS_VIEW, ORDERS_EXPORT, SETTLEMENTS_VIEW, INVOICES_VIEW, INVOICES_EXPORT, AUDIT_VIEW));
        ROLES.put("operations", EnumSet.of(ORDERS_VIEW, ORDERS_CAPTURE, ORDERS_REFUND, ORDERS_CANCEL, ORDERS_EXPORT));
        ROLES.put("developer", EnumSet.of(ORDERS_VIEW, WEBHOOKS_MANAGE, API_TOKENS_MANAGE));
        ROLES.put("viewer", EnumSet.of(ORDERS_VIEW, SETTLEMENTS_VIEW, INVOICES_VIEW));
    }

    @Test
    void everyRoleReachesExactlyTheRoutesItsPermissionsAllow() {
        UUID merchant = UUID.randomUUID();
        Map<String, String> callers = new LinkedHashMap<>();
        ROLES.forEach((role, permissions) -> callers.put(role,
                TestAccessTokens.user(merchant, UUID.randomUUID(), permissions, List.of())));
        callers.put("operator", TestAccessTokens.operator(UUID.randomUUID()));
        callers.put("merchant-api-token", API_TOKEN);

        List<String> wrong = new ArrayList<>();
        for (GatewayRoute route : RouteTable.ROUTES) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                boolean allowed = allowed(route, caller.getKey());
                ResponseEntity<String> answer = gateway.call(method(route), samplePath(route), caller.getValue());
                int status = answer.getStatusCode().value();
                // Allowed callers get past the gateway: the service answers (or, for the one that is down, 503).
                boolean right = allowed ? status == 200 || (status == 503 && route.upstream() == Upstream.NOTIFICATION)
                        : status == 403;
                if (!right) {
                    wrong.add("%s %s as %s: %s, got %d %s".formatted(method(route), samplePath(route),
                            caller.getKey(), allowed ? "allowed" : "refused", status, answer.getBody()));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefusalIsAProblemNamingThePermissionAndNeverReachesTheService() {
        String viewer = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), ROLES.get("viewer"), List.of());

        ResponseEntity<String> answer = gateway.call(HttpMethod.POST, "/portal/v1/orders/" + UUID.randomUUID() + "/refunds", viewer);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains("\"error_code\":\"forbidden\"").contains("\"permission\":\"orders.refund\"");
        SERVICES.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/portal/v1/orders/.*")));
    }

    @Test
    void openRoutesNeedNoTokenAndUnroutedPathsDoNotExist() {
        assertThat(gateway.call(HttpMethod.POST, "/auth/v1/sign-in", null).getStatusCode().value()).isEqualTo(200);
        assertThat(gateway.call(HttpMethod.GET, "/.well-known/jwks.json", null).getStatusCode().value()).isEqualTo(200);
        assertThat(gateway.call(HttpMethod.GET, "/downloads/order-exports/x?expires=1&signature=y", null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(gateway.call(HttpMethod.GET, "/portal/v1/orders", null).getStatusCode().value()).isEqualTo(401);

        String admin = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), ROLES.get("admin"), List.of());
        for (String hidden : List.of("/internal/api-tokens/introspect", "/internal/clock", "/no/such/route")) {
            ResponseEntity<String> answer = gateway.call(HttpMethod.GET, hidden, admin);
            assertThat(answer.getStatusCode().value()).as(hidden).isEqualTo(404);
            assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
        }
    }

    private static boolean allowed(GatewayRoute route, String caller) {
        return switch (route.access().kind()) {
            case OPEN -> true;
            case MERCHANT_API -> caller.equals("merchant-api-token");
            case SIGNED_IN -> ROLES.containsKey(caller);
            case PERMISSION -> ROLES.containsKey(caller) && ROLES.get(caller).contains(route.access().permission());
            case OPERATOR -> caller.equals("operator");
        };
    }

    private static HttpMethod method(GatewayRoute route) {
        return route.method() == null ? HttpMethod.GET : route.method();
    }

    /** A concrete path the route's pattern matches: ids for single segments, a trailing segment for the rest. */
    static String samplePath(GatewayRoute route) {
        return route.path().replace("/**", "/sample").replace("*", UUID.randomUUID().toString());
    }
}
