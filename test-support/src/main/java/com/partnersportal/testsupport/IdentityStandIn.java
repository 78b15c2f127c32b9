package com.partnersportal.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.partnersportal.identity.contract.ServiceTokenClaims;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * identity-service as the other services meet it, for their tests: a WireMock server in the test JVM (started once)
 * that issues a service token by the client-credentials grant to the service under test when it presents
 * {@link #CLIENT_SECRET}, and answers token introspection, only with that service token, for the merchant API
 * tokens a test registered with {@link #apiToken(UUID)} (any other token is not active). A service test opts in with
 * {@link Used}: the service then asks this stand-in, with that secret, exactly as it asks identity in a real run.
 */
public final class IdentityStandIn {

    /** The client secret every service under test is configured with ({@code portal.service-client.secret}). */
    public static final String CLIENT_SECRET = "test-client-secret-4c8e0f";

    /** The merchant API tokens tests registered: token -> its introspection answer. */
    private static final Map<String, String> API_TOKENS = new ConcurrentHashMap<>();
    // One introspection stub answering from the map above: a stub per token made every lookup match the body against
    // all tokens registered so far (hundreds by the end of a service's suite), which under load outlasted the
    // services' 3-second introspection timeout. No journal either: nothing reads it, and it would grow all run long.
    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort()
            .disableRequestJournal().extensions(new ApiTokenAnswers()));
    /** The service token the stand-in issues to each platform service, signed with {@link AccessTokens}' test key. */
    private static final Map<String, String> TOKENS = Stream.of("gateway", "orders-service", "settlement-service",
                    "webhook-dispatcher", "notification-service")
            .collect(Collectors.toUnmodifiableMap(client -> client, client -> AccessTokens.service(client,
                    ServiceTokenClaims.Scopes.API_TOKENS_INTROSPECT, ServiceTokenClaims.Scopes.RECIPIENTS_READ)));
    private static final String ISSUED = "Bearer (" + TOKENS.values().stream().map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")";

    private IdentityStandIn() {
    }

    /** Points the service under test at the stand-in (identity URL and its client secret); its tests share one context. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    public @interface Used {
    }

    public static synchronized void start() {
        if (SERVER.isRunning()) {
            return;
        }
        SERVER.start();
        TOKENS.forEach((client, token) -> SERVER.stubFor(post(ServiceTokenClaims.TOKEN_PATH)
                .withBasicAuth(client, CLIENT_SECRET)
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}"))));
        // Like identity: no internal answer without one of the service tokens it issued.
        SERVER.stubFor(any(urlPathMatching("/internal/.*")).atPriority(1).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401)));
        SERVER.stubFor(any(urlPathMatching("/internal/.*")).atPriority(1)
                .withHeader("Authorization", notMatching(ISSUED)).willReturn(aResponse().withStatus(401)));
        SERVER.stubFor(post("/internal/api-tokens/introspect").atPriority(10)
                .willReturn(aResponse().withTransformers(ApiTokenAnswers.NAME)));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "identity-stand-in-stop"));
    }

    public static String baseUrl() {
        start();
        return SERVER.baseUrl();
    }

    /** The name the merchant gave each stand-in API token, as identity-service's introspection names it. */
    public static final String API_TOKEN_NAME = "Shop backend";

    /** A new live merchant API token of this merchant, as identity-service would introspect it. */
    public static String apiToken(UUID merchant) {
        start();
        String token = "ppk_sandbox_" + UUID.randomUUID().toString().replace("-", "");
        API_TOKENS.put(token, "{\"active\": true, \"merchant_id\": \"" + merchant + "\", \"token_id\": \""
                + UUID.randomUUID() + "\", \"name\": \"" + API_TOKEN_NAME + "\"}");
        return token;
    }

    /** Answers an introspection for a registered token as active for its merchant, for any other as not active. */
    private static final class ApiTokenAnswers implements ResponseDefinitionTransformerV2 {

        static final String NAME = "merchant-api-tokens";
        private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Matcher token = TOKEN.matcher(event.getRequest().getBodyAsString());
            String answer = token.find() ? API_TOKENS.get(token.group(1)) : null;
            return aResponse().withHeader("Content-Type", "application/json")
                    .withBody(answer == null ? "{\"active\": false}" : answer).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
