package com.partnersportal.gateway.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A caller's plain client of the gateway under test that retries nothing and follows no redirect, whatever HTTP
 * library the gateway brings (RestClient.create() would pick Apache HttpClient when present, which retries 503s and
 * 429s): it sees exactly what the gateway answers. No call waits for ever: one the gateway has not answered within
 * {@link #PATIENCE} fails, and the first such failure prints every thread (the gateway runs in this JVM), so a stuck
 * exchange shows where it is stuck instead of stalling the build.
 */
public class GatewayClient {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final RestClient CALLER = RestClient.builder().requestFactory(requestFactory()).build();
    private static final AtomicBoolean THREADS_PRINTED = new AtomicBoolean();

    private final Environment environment;

    GatewayClient(Environment environment) {
        this.environment = environment;
    }

    /** The port the gateway listens on (known once the server runs). */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public ResponseEntity<String> call(HttpMethod method, String path, Map<String, String> headers, String body) {
        RestClient.RequestBodySpec request = CALLER.method(method).uri("http://localhost:" + port() + path);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        try {
            return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
        } catch (RestClientException e) {
            if (outOfPatience(e) && THREADS_PRINTED.compareAndSet(false, true)) {
                printThreads(method + " " + path);
            }
            throw e;
        }
    }

    public ResponseEntity<String> call(HttpMethod method, String path, String bearer) {
        return call(method, path, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), null);
    }

    /** Whether a call failed because the gateway had not answered within {@link #PATIENCE}. */
    public static boolean outOfPatience(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(PATIENCE);
        return factory;
    }

    private static void printThreads(String call) {
        StringBuilder dump = new StringBuilder("The gateway did not answer " + call + " within " + PATIENCE + "; threads:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        System.err.println(dump);
    }
}
