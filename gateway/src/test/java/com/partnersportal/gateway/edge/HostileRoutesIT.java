package com.partnersportal.gateway.edge;

import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN;
import static com.partnersportal.gateway.testing.GatewayStandIns.API_TOKEN_MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.gateway.route.GatewayRoute;
import com.partnersportal.gateway.route.RouteTable;
import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayIntegrationTest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.HostileRoutes;
import com.partnersportal.testsupport.TestAccessTokens;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route of the gateway's route table, walked with hostile paths, query values and bodies by a valid caller of
 * the right kind (a portal user, an operator, the merchant's API token, nobody on the open routes): the gateway
 * never answers a 5xx of its own, and every refusal it makes is problem details with an error code. The services
 * behind it (one receiver answering 200) have their own walks. notification-service's routes are left out: in this
 * harness nothing listens there, so the gateway rightly answers them 503 {@code service_unavailable}.
 */
@GatewayIntegrationTest
class HostileRoutesIT {

    @Autowired
    GatewayClient gateway;

    @Test
    void everyRouteRefusesHostileInputWithAProblem() {
        String user = TestAccessTokens.user(API_TOKEN_MERCHANT, UUID.randomUUID(), EnumSet.allOf(Permission.class),
                List.of());
        String operator = TestAccessTokens.operator(UUID.randomUUID());

        HostileRoutes.Walk walk = HostileRoutes.walk(gateway.port(), routeTableAsOpenApi(),
                path -> path.startsWith("/portal/v1/") ? Map.of("Authorization", "Bearer " + user)
                        : path.startsWith("/operator/") ? Map.of("Authorization", "Bearer " + operator)
                        : path.startsWith("/auth/") || path.startsWith("/.well-known/") || path.startsWith("/downloads/")
                                ? Map.of() : Map.of("Authorization", "Bearer " + API_TOKEN),
                Map.of(), path -> !path.startsWith("/operator/v1/notifications"), () -> "");

        assertThat(walk.operations()).as("operations walked").isGreaterThanOrEqualTo(RouteTable.ROUTES.size() - 1);
        assertThat(walk.findings()).as("%d requests", walk.requests()).isEmpty();
    }

    /** The route table as an OpenAPI document: "/**" becomes a path parameter; each route takes a cursor and a body. */
    private static ObjectNode routeTableAsOpenApi() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode paths = nodes.objectNode();
        for (GatewayRoute route : RouteTable.ROUTES) {
            String path = route.path().replace("/**", "/{rest}").replace("**", "{rest}");
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            for (String method : route.method() == null ? List.of("get", "post") : List.of(route.methodName().toLowerCase())) {
                ObjectNode operation = item.putObject(method);
                operation.putArray("parameters").addObject().put("in", "query").put("name", "cursor");
                if (!method.equals("get")) {
                    ObjectNode properties = operation.putObject("requestBody").putObject("content")
                            .putObject("application/json").putObject("schema").put("type", "object")
                            .putObject("properties");
                    properties.putObject("name").put("type", "string");
                    properties.putObject("total_amount").put("type", "number");
                    properties.putObject("quantity").put("type", "integer");
                }
            }
        }
        ObjectNode document = nodes.objectNode();
        document.set("paths", paths);
        return document;
    }
}
