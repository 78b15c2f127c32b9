package com.partnersportal.notification.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.partnersportal.identity.contract.ServiceTokenClaims;
import com.partnersportal.testsupport.AccessTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for identity-service's {@code GET /internal/merchants/{merchantId}/recipients?permission=…&legal_entity_id=…}
 * (request and answer as identity's RecipientsIT pins them): a WireMock server in the test JVM, started once. A test
 * says who is in an audience; any other question is answered with nobody. Like identity, it answers only a caller
 * with the service token its client-credentials grant issued to notification-service for {@link #CLIENT_SECRET}
 * (the tests configure that secret); anything else is a 401. It also answers introspection for API tokens a test
 * registered with {@link #apiToken(UUID)}.
 */
public final class IdentityService {

    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort());

    /** notification-service's client secret in the tests (PORTAL_SERVICE_CLIENT_SECRET in a real run). */
    public static final String CLIENT_SECRET = "test-notification-client-secret-93b1";
    /** The service token this stand-in issues to notification-service. */
    static final String SERVICE_TOKEN = AccessTokens.service("notification-service",
            ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT, ServiceTokenClaims.Scopes.RECIPIENTS_READ);

    private IdentityService() {
    }

    public static synchronized void start() {
        if (!SERVER.isRunning()) {
            SERVER.start();
            SERVER.stubFor(post(ServiceTokenClaims.TOKEN_PATH).withBasicAuth("notification-service", CLIENT_SECRET)
                    .withRequestBody(equalTo("grant_type=client_credentials"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                            "{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
            SERVER.stubFor(any(urlPathMatching("/internal/.*")).atPriority(1)
                    .withHeader("Authorization", notContaining(SERVICE_TOKEN))
                    .willReturn(aResponse().withStatus(401)));
            SERVER.stubFor(any(urlPathMatching("/internal/.*")).atPriority(1).withHeader("Authorization", absent())
                    .willReturn(aResponse().withStatus(401)));
            SERVER.stubFor(get(urlPathMatching("/internal/merchants/[^/]+/recipients")).atPriority(10)
                    .willReturn(answer()));
            SERVER.stubFor(post("/internal/api-tokens/introspect").atPriority(10)
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"active\": false}")));
            Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "test-identity-stop"));
        }
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** A user as identity-service names a recipient. */
    public record Member(UUID userId, String email, String fullName, String locale) {

        public static Member named(String fullName, String locale) {
            UUID id = UUID.randomUUID();
            return new Member(id, "user-" + id + "@example.com", fullName, locale);
        }
    }

    /** The merchant's active users with the permission who see the entity (null: any entity) are these. */
    public static void audience(UUID merchant, Permission permission, UUID legalEntity, Member... members) {
        SERVER.stubFor(question(merchant, permission, legalEntity).willReturn(answer(members)));
    }

    /** identity-service answers every question about this audience with this status and no recipients. */
    public static void answers(int status, UUID merchant, Permission permission, UUID legalEntity) {
        SERVER.stubFor(question(merchant, permission, legalEntity).willReturn(aResponse().withStatus(status)));
    }

    /** identity-service answers 503 twice, then names these members. */
    public static void unavailableTwiceThen(UUID merchant, Permission permission, UUID legalEntity, Member... members) {
        String scenario = "identity down for " + merchant;
        SERVER.stubFor(question(merchant, permission, legalEntity).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("down once")
                .willReturn(aResponse().withStatus(503)));
        SERVER.stubFor(question(merchant, permission, legalEntity).inScenario(scenario)
                .whenScenarioStateIs("down once").willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        SERVER.stubFor(question(merchant, permission, legalEntity).inScenario(scenario)
                .whenScenarioStateIs("up")
                .willReturn(answer(members)));
    }

    /** A live merchant API token of this merchant, as identity's introspection would name it. */
    public static String apiToken(UUID merchant) {
        String token = "ppk_sandbox_" + UUID.randomUUID();
        SERVER.stubFor(post("/internal/api-tokens/introspect").withRequestBody(matchingJsonPath("$.token", equalTo(token)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"active\": true, \"merchant_id\": \"" + merchant + "\", \"token_id\": \"" + UUID.randomUUID() + "\"}")));
        return token;
    }

    /** The questions asked about this merchant. */
    public static List<LoggedRequest> questionsAbout(UUID merchant) {
        return SERVER.findAll(getRequestedFor(urlPathEqualTo(path(merchant))));
    }

    private static MappingBuilder question(UUID merchant, Permission permission, UUID legalEntity) {
        return get(urlPathEqualTo(path(merchant)))
                .withQueryParam("permission", equalTo(permission.code()))
                .withQueryParam("legal_entity_id", legalEntity == null ? absent() : equalTo(legalEntity.toString()));
    }

    private static String path(UUID merchant) {
        return "/internal/merchants/" + merchant + "/recipients";
    }

    private static ResponseDefinitionBuilder answer(Member... members) {
        List<Map<String, Object>> recipients = Arrays.stream(members)
                .map(member -> Map.<String, Object>of("user_id", member.userId(), "email", member.email(),
                        "full_name", member.fullName(), "locale", member.locale()))
                .toList();
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(new String(EventJson.write(Map.of("recipients", recipients)), StandardCharsets.UTF_8));
    }
}
