package com.partnersportal.kit.servicecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Real HTTP servers on loopback as identity's replicas, and a port nobody listens on as a killed one. */
class ServiceReplicasTest {

    private final List<HttpServer> servers = new ArrayList<>();
    /** Which replica answered what: "a POST /internal/x body" */
    private final List<String> answered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void requestsGoToEachReplicaInTurn() throws Exception {
        ServiceReplicas replicas = new ServiceReplicas(List.of(replica("a"), replica("b")));
        RestClient client = client(replicas);

        for (int i = 0; i < 4; i++) {
            client.get().uri("/internal/keys?n=" + i).retrieve().toBodilessEntity();
        }

        assertThat(answered).containsExactly("a GET /internal/keys?n=0 ", "b GET /internal/keys?n=1 ",
                "a GET /internal/keys?n=2 ", "b GET /internal/keys?n=3 ");
    }

    @Test
    void aReplicaThatCannotBeReachedIsPassedWithTheSameRequest() throws Exception {
        ServiceReplicas replicas = new ServiceReplicas(List.of(dead(), replica("b")));
        RestClient client = client(replicas);

        for (int i = 0; i < 3; i++) {
            String answer = client.post().uri("/internal/api-tokens/introspect").header("Authorization", "Bearer svc")
                    .body("{\"token\": \"t" + i + "\"}").retrieve().body(String.class);
            assertThat(answer).isEqualTo("b");
        }

        assertThat(answered).containsExactly("b POST /internal/api-tokens/introspect {\"token\": \"t0\"} Bearer svc",
                "b POST /internal/api-tokens/introspect {\"token\": \"t1\"} Bearer svc",
                "b POST /internal/api-tokens/introspect {\"token\": \"t2\"} Bearer svc");
    }

    @Test
    void noReplicaReachableIsTheClientsUsualFailure() throws Exception {
        RestClient client = client(new ServiceReplicas(List.of(dead(), dead())));

        assertThatThrownBy(() -> client.get().uri("/internal/keys").retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class);
    }

    @Test
    void keysAreFetchedFromTheNextReplicaWhenOneIsDown() throws Exception {
        ServiceReplicas replicas = new ServiceReplicas(List.of(dead(), replica("b")));
        var retriever = replicas.retriever(500, 500, 50 * 1024);

        for (int i = 0; i < 2; i++) {
            var resource = retriever.retrieveResource(URI.create(replicas.first() + "/.well-known/jwks.json").toURL());
            assertThat(resource.getContent()).isEqualTo("b");
        }
        assertThat(answered).containsExactly("b GET /.well-known/jwks.json ", "b GET /.well-known/jwks.json ");
    }

    @Test
    void theListIsCommaSeparatedAddresses() {
        assertThat(ServiceReplicas.parse("http://127.0.0.1:8081, http://127.0.0.1:8181/ ,").all())
                .containsExactly(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8181"));
        assertThat(ServiceReplicas.parse("http://identity-service:8081").first()).isEqualTo("http://identity-service:8081");
    }

    private static RestClient client(ServiceReplicas replicas) {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build())).requestInterceptor(replicas)
                .baseUrl(replicas.first()).build();
    }

    private URI replica(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            answered.add(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body
                    + (authorization == null ? "" : " " + authorization));
            byte[] answer = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A loopback port that was free a moment ago: connections to it are refused, as to a killed replica's. */
    private static URI dead() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
