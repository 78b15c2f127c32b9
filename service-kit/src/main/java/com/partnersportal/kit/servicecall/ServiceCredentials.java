package com.partnersportal.kit.servicecall;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * This service's credentials for {@code /internal/...} calls to the other services: fetches a short-lived service
 * access token from identity-service with the OAuth 2.0 client-credentials grant (client id and secret, HTTP Basic),
 * keeps it until a fifth of its lifetime is left, then fetches the next one, and attaches it to every request of a
 * {@link RestClient} it intercepts. A call answered 401 drops the kept token so the next call fetches a fresh one.
 */
public class ServiceCredentials implements ClientHttpRequestInterceptor {

    private final RestClient identity;
    private final URI tokenUri;
    private final String clientId;
    private final String secret;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Held held;

    private record Held(String token, Instant refreshAt) {
    }

    /** identity-service's token answer (RFC 6749 section 5.1). */
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn, @JsonProperty("scope") String scope) {
    }

    public ServiceCredentials(RestClient identity, URI tokenUri, String clientId, String secret, Clock clock) {
        this.identity = identity;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    public String clientId() {
        return clientId;
    }

    /** Whether a secret is configured; without one no service token can be had and internal calls are refused. */
    public boolean configured() {
        return secret != null && !secret.isBlank();
    }

    /** A live service token, fetched if none is kept or the kept one is near its end. */
    public String token() {
        Held current = held;
        if (current != null && clock.instant().isBefore(current.refreshAt())) {
            return current.token();
        }
        lock.lock();
        try {
            current = held;
            if (current == null || !clock.instant().isBefore(current.refreshAt())) {
                current = fetch();
                held = current;
            }
            return current.token();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (configured()) {
            request.getHeaders().setBearerAuth(token());
        }
        ClientHttpResponse response = execution.execute(request, body);
        if (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
            held = null;
        }
        return response;
    }

    private Held fetch() {
        if (!configured()) {
            throw new RestClientException("No client secret is configured for service client '" + clientId
                    + "' (PORTAL_SERVICE_CLIENT_SECRET): it cannot call other services' internal endpoints.");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        TokenResponse answer = identity.post().uri(tokenUri)
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form)
                .retrieve()
                .body(TokenResponse.class);
        if (answer == null || answer.accessToken() == null || answer.expiresIn() == null || answer.expiresIn() <= 0) {
            throw new RestClientException("identity-service answered the client-credentials grant without a token");
        }
        Duration lifetime = Duration.ofSeconds(answer.expiresIn());
        return new Held(answer.accessToken(), clock.instant().plus(lifetime.minus(lifetime.dividedBy(5))));
    }
}
