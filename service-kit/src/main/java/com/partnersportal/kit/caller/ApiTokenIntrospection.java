package com.partnersportal.kit.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Asks identity-service whether a merchant API token is live and whose it is, and remembers the answer
 * briefly (a live token for {@code liveFor}, an unknown one for a few seconds) so that a burst of calls
 * costs one lookup. The cache is keyed by the token's hash, never the token itself.
 */
public class ApiTokenIntrospection {

    private static final Duration UNKNOWN_FOR = Duration.ofSeconds(5);

    private final RestClient identity;
    private final Cache<String, Answer> answers;

    public ApiTokenIntrospection(RestClient identity, Duration liveFor) {
        this.identity = identity;
        this.answers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.creating((String key, Answer answer) -> answer.active() ? liveFor : UNKNOWN_FOR))
                .build();
    }

    /** The live token's merchant and id, or empty if it is unknown or revoked. */
    public Optional<Answer> lookUp(String token) {
        Answer answer = answers.get(sha256(token), hash -> ask(token));
        return answer.active() ? Optional.of(answer) : Optional.empty();
    }

    /** Whether identity's answer for this token is in the cache, so {@link #lookUp} will not call it. */
    public boolean answered(String token) {
        return answers.getIfPresent(sha256(token)) != null;
    }

    private Answer ask(String token) {
        try {
            Answer answer = identity.post().uri("/internal/api-tokens/introspect")
                    .body(Map.of("token", token))
                    .retrieve()
                    .body(Answer.class);
            return answer == null ? Answer.INACTIVE : answer;
        } catch (RestClientException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity_unavailable",
                    "The caller's token cannot be checked right now; try again shortly.");
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * identity-service's answer: whether the token is live, whose it is, its own id (the actor) and the name the
     * merchant gave it (how the portal names the actor; absent from older answers). Snake case on the wire, whatever
     * JSON settings the calling application has (the gateway's client is not Spring Boot's).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Answer(boolean active, UUID merchantId, UUID tokenId, String name) {
        static final Answer INACTIVE = new Answer(false, null, null, null);
    }
}
