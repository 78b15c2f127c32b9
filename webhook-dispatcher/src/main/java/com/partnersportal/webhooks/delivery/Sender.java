package com.partnersportal.webhooks.delivery;

import com.partnersportal.webhooks.publicevent.OrderWebhook;
import com.partnersportal.webhooks.settings.WebhookProperties;
import com.partnersportal.webhooks.signing.StandardWebhooks;
import com.partnersportal.webhooks.signing.TamaraToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one attempt: the stored body bytes, signed (Standard Webhooks, every secret in use), with Tamara's
 * tamaraToken as {@code Authorization: Bearer} and as query parameter, the endpoint's own headers. Redirects are
 * not followed; every address is checked after DNS resolution ({@link GuardedDnsResolver}); the whole attempt is
 * cut off at the attempt timeout.
 */
final class Sender implements AutoCloseable {

    private static final String USER_AGENT = "PartnersPortal-Webhooks/1.0";

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
    private final WebhookProperties properties;
    private final TamaraTokens tamaraTokens;
    private final Clock clock;

    Sender(WebhookProperties properties, AddressGuard guard, TamaraTokens tamaraTokens, Clock clock) {
        this.properties = properties;
        this.tamaraTokens = tamaraTokens;
        this.clock = clock;
        Timeout timeout = Timeout.of(properties.attemptTimeout());
        connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setMaxConnTotal(properties.maxInFlight() * 2)
                .setMaxConnPerRoute(properties.maxInFlight())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(timeout)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        // A kept-alive connection idle for a moment is checked before reuse: receivers close idle ones.
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    AttemptResult send(ClaimedMessage message, String notificationToken) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
        String msgId = "msg_" + message.id();
        long timestamp = started.getEpochSecond();
        String tamaraToken = tamaraTokens.issue(message.merchantId(), notificationToken, started);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(StandardWebhooks.ID, msgId);
        headers.put(StandardWebhooks.TIMESTAMP, Long.toString(timestamp));
        headers.put(StandardWebhooks.SIGNATURE,
                StandardWebhooks.signatureHeader(message.secrets(), msgId, timestamp, body));
        headers.put("webhook-payload-version", OrderWebhook.VERSION);
        headers.put("Authorization", "Bearer " + tamaraToken);
        // The endpoint's own headers, an Authorization of its own included (as Tamara sends them).
        message.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        Map<String, String> logged = redacted(headers);

        URI uri;
        try {
            uri = withToken(message.url(), tamaraToken);
        } catch (URISyntaxException e) {
            return result(AttemptResult.NETWORK_ERROR, started, startNanos, message.url(), logged, null, null,
                    "invalid URL: " + e.getMessage(), null);
        }
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));

        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            cutOff.set(true);
            post.cancel();
        }, properties.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(post)) {
            int status = response.getCode();
            String excerpt = excerpt(response.getEntity() == null ? null : response.getEntity().getContent());
            String outcome = status >= 200 && status < 300 ? AttemptResult.SUCCESS
                    : status == 410 ? AttemptResult.GONE : AttemptResult.HTTP_ERROR;
            Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.getFirstHeader("Retry-After")) : null;
            String error = status >= 300 && status < 400 ? "redirect to " + headerValue(response.getFirstHeader("Location"))
                    + " not followed" : null;
            return result(outcome, started, startNanos, message.url(), logged, status, excerpt, error, retryAfter);
        } catch (GuardedDnsResolver.AddressRefused e) {
            return result(AttemptResult.REFUSED, started, startNanos, message.url(), logged, null, null, e.getMessage(), null);
        } catch (InterruptedIOException | HttpTimeoutException e) {
            return timedOut(started, startNanos, message.url(), logged);
        } catch (IOException | RuntimeException e) {
            if (cutOff.get()) {
                return timedOut(started, startNanos, message.url(), logged);
            }
            return result(AttemptResult.NETWORK_ERROR, started, startNanos, message.url(), logged, null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The endpoint's URL with the token as one more query parameter. A JWT is base64url and dots, nothing a query
     * must escape, so it is appended as it is; endpoints have no fragment (refused when registered), but a URL with
     * one goes through the general builder.
     */
    static URI withToken(String url, String tamaraToken) throws URISyntaxException {
        if (url.indexOf('#') >= 0) {
            return new URIBuilder(url).addParameter(TamaraToken.QUERY_PARAMETER, tamaraToken).build();
        }
        int query = url.indexOf('?');
        String separator = query < 0 ? "?" : query == url.length() - 1 || url.endsWith("&") ? "" : "&";
        return new URI(url + separator + TamaraToken.QUERY_PARAMETER + "=" + tamaraToken);
    }

    private AttemptResult timedOut(Instant started, long startNanos, String url, Map<String, String> logged) {
        return result(AttemptResult.TIMEOUT, started, startNanos, url, logged, null, null,
                "timed out after " + properties.attemptTimeout().toSeconds() + " s", null);
    }

    private static AttemptResult result(String outcome, Instant started, long startNanos, String url,
            Map<String, String> headers, Integer status, String body, String error, Duration retryAfter) {
        return new AttemptResult(outcome, started, Duration.ofNanos(System.nanoTime() - startNanos), url, headers,
                status, body, error == null ? null : error.length() > 480 ? error.substring(0, 480) : error, retryAfter);
    }

    private String excerpt(InputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        byte[] bytes = in.readNBytes(properties.responseBodyLimit());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Seconds or an HTTP date; absent or unreadable is null. */
    static Duration retryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private static String headerValue(Header header) {
        return header == null ? "(none)" : header.getValue();
    }

    private static Map<String, String> redacted(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            copy.put(name, lower.equals("authorization") || lower.contains("token") || lower.contains("secret")
                    || lower.contains("key") ? "[redacted]" : value);
        });
        return copy;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
