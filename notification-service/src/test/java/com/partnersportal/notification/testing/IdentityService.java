package com.partnersportal.notification.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

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
 * says who is in an audience; any other question is answered with nobody.
 */
public final class IdentityService {

    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort());

    private IdentityService() {
    }

    public static synchronized void start() {
        if (!SERVER.isRunning()) {
            SERVER.start();
            SERVER.stubFor(get(urlPathMatching("/internal/merchants/[^/]+/recipients")).atPriority(10)
                    .willReturn(answer()));
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
