package com.partnersportal.webhooks.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's receiving side: WireMock answering as each test stubs it, recording every request in arrival order,
 * and checking signatures with its own implementation of Standard Webhooks (not the dispatcher's code) and the
 * tamaraToken with a JWT library, as a merchant's integration would.
 */
public final class Receiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final WireMockServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public Receiver() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(120)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(64));
        server.addMockServiceRequestListener((request, response) -> received.add(new Received(request.getUrl(),
                Map.of("webhook-id", header(request.getHeader("webhook-id")),
                        "webhook-timestamp", header(request.getHeader("webhook-timestamp")),
                        "webhook-signature", header(request.getHeader("webhook-signature")),
                        "authorization", header(request.getHeader("Authorization")),
                        "content-type", header(request.getHeader("Content-Type"))),
                request.getBody(), response.getStatus(), Instant.now())));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** What reached a path, in arrival order. */
    public List<Received> at(String path) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    public record Received(String url, Map<String, String> headers, byte[] body, int answeredWith, Instant at) {

        public String path() {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String id() {
            return headers.get("webhook-id");
        }

        public String eventType() {
            return json().get("event_type").asString();
        }

        public String queryParameter(String name) {
            int q = url.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** Standard Webhooks, checked as the spec says: any v1 signature matching, timestamp within 5 minutes. */
        public boolean signedWith(String secret) {
            long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
                return false;
            }
            byte[] expected = ("v1," + hmac(secret, id() + "." + timestamp + ".", body)).getBytes(StandardCharsets.UTF_8);
            for (String candidate : headers.get("webhook-signature").split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        }

        public int signatureCount() {
            return headers.get("webhook-signature").split(" ").length;
        }

        /** The tamaraToken, in the Authorization header and the query alike, verified with the notification token. */
        public boolean carriesTamaraToken(String notificationToken) {
            String bearer = headers.get("authorization");
            String query = queryParameter("tamaraToken");
            if (bearer == null || !bearer.startsWith("Bearer ") || !bearer.substring(7).equals(query)) {
                return false;
            }
            try {
                SignedJWT jwt = SignedJWT.parse(query);
                return jwt.verify(new MACVerifier(notificationToken.getBytes(StandardCharsets.UTF_8)))
                        && "Tamara".equals(jwt.getJWTClaimsSet().getIssuer())
                        && jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now());
            } catch (Exception e) {
                return false;
            }
        }

        private static String hmac(String secret, String prefix, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
                mac.update(prefix.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(mac.doFinal(body));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static long distinctIds(Collection<Received> received) {
        return received.stream().map(Received::id).distinct().count();
    }

    private static String header(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        server.stop();
    }
}
