package com.partnersportal.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.partnersportal.gateway.testing.GatewayClient;
import com.partnersportal.gateway.testing.GatewayStandIns;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.testsupport.ServiceIntegrationTest;
import com.partnersportal.testsupport.TestAccessTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClientException;

/**
 * A service that sends its status and headers, then part of its body, and then nothing more: the gateway cuts the
 * answer off once no byte has come for its read timeout, instead of holding the caller's connection (and its own) for
 * ever. The stalling service is a bare socket, because it must stop in the middle of a body; the other services are
 * not needed and not there.
 */
@ExtendWith(OutputCaptureExtension.class)
@ServiceIntegrationTest
@Import({TestAccessTokens.Keys.class, GatewayClient.class})
@TestPropertySource(properties = "management.server.port=0")
class StalledAnswerIT {

    private static final StallingService ORDERS = new StallingService();

    @Autowired
    GatewayClient gateway;

    @DynamicPropertySource
    static void ordersStallAndTheReadTimeoutIsShort(DynamicPropertyRegistry registry) {
        GatewayStandIns.otherServicesAt(registry, () -> GatewayStandIns.NOTHING_LISTENS);
        registry.add("portal.services.orders-url", ORDERS::url);
        registry.add("portal.gateway.upstreams.read-timeout", () -> "2s");
    }

    @AfterAll
    static void stopTheService() throws IOException {
        ORDERS.close();
    }

    @Test
    void anAnswerThatStopsHalfWayIsCutOffNotWaitedOnForEver(CapturedOutput output) {
        String viewer = TestAccessTokens.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(Permission.ORDERS_VIEW), List.of());

        assertThatThrownBy(() -> gateway.call(HttpMethod.GET, "/portal/v1/orders", viewer))
                .as("the caller's connection is closed by the gateway, not given up on by the caller")
                .isInstanceOf(RestClientException.class)
                .matches(failure -> !GatewayClient.outOfPatience(failure));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("gateway.access") && line.contains("GET /portal/v1/orders 200")))
                .as("the access log tells the answer was cut off").singleElement().asString().contains("ms aborted"));
    }

    /** Answers every request with a 200 promising 1,000 bytes, sends 12 of them, and keeps the connection open. */
    private static final class StallingService implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        StallingService() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread.ofPlatform().daemon().name("stalling-orders").start(this::answer);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void answer() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    held.add(connection);
                    readRequestHead(connection.getInputStream());
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                            + "{\"orders\": [").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b != -1; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
