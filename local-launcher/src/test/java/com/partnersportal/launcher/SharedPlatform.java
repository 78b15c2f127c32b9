package com.partnersportal.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for the test classes that use the platform's fixed ports, two replicas of every backend service
 * ({@code ./portal start --replicas ...=2}), started by the first class ({@link LocalPlatformIT}; the next one's start
 * finds it running) and stopped once after the last, checking that {@code ./portal stop} leaves nothing running. One
 * start instead of one per class keeps the suite's time (docs/operations.md). The services send their spans over OTLP to
 * {@link #traces()}.
 */
final class SharedPlatform implements BeforeAllCallback {

    static final List<String> BACKENDS = ServiceProcess.BACKENDS;
    static final String REPLICAS = BACKENDS.stream().map(s -> s + "=2").collect(Collectors.joining(","));
    static final String TRACES = "/v1/traces";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static WireMockServer traces;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stop.class, key -> new Stop(), Stop.class);
    }

    /** {@code ./portal start --replicas ...=2}: starts the platform, or says that it runs. */
    static PortalCommand.Result start() throws IOException, InterruptedException {
        // The services inherit the launcher's environment; every request recorded (the default keeps one in ten), so
        // that each service has spans to export. Eleven processes took up to 230 s to start at a load average of 32
        // here, close to the launcher's 300 s for them: a busy CI machine gets more.
        return PortalCommand.run(Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://127.0.0.1:" + traces().port() + TRACES, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0",
                "PORTAL_START_TIMEOUT", "480"), "start", "--replicas", REPLICAS);
    }

    /** The replicas of a backend service, by the names {@code ./portal} gives them. */
    static List<String> replicas(String service) {
        return List.of(service, service + "-2");
    }

    /** The OTLP receiver every service started through {@link #start} exports its spans to. */
    static synchronized WireMockServer traces() {
        if (traces == null) {
            traces = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            traces.start();
            traces.stubFor(post(urlPathEqualTo(TRACES)).willReturn(aResponse().withStatus(200)));
        }
        return traces;
    }

    /** After the last class: {@code ./portal stop} leaves no process of the platform behind. */
    private static final class Stop implements AutoCloseable {

        @Override
        public void close() throws Exception {
            PortalCommand.Result stopped = PortalCommand.run(Map.of(), "stop");
            synchronized (SharedPlatform.class) {
                if (traces != null) {
                    traces.stop();
                    traces = null;
                }
            }
            assertThat(stopped.exitCode()).as(stopped.output()).isZero();
            assertThat(PortalCommand.platformProcesses()).as("processes left after stop").isEmpty();
        }
    }
}
