package com.partnersportal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.testcontainers.containers.GenericContainer;

/**
 * A Redis for tests: a container when Docker runs, otherwise the machine's server at {@code PORTAL_TEST_REDIS_URL}
 * (default {@code redis://127.0.0.1:6379}). Tests keep apart by key prefix, so one server serves them all.
 */
public final class RedisServer {

    private final String url;
    private final Runnable onStop;

    private RedisServer(String url, Runnable onStop) {
        this.url = url;
        this.onStop = onStop;
    }

    static RedisServer localServer() {
        RedisServer server = new RedisServer(System.getenv().getOrDefault("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379"),
                () -> { });
        server.ping();
        return server;
    }

    @SuppressWarnings("resource")
    static RedisServer container() {
        GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        return new RedisServer("redis://%s:%d".formatted(container.getHost(), container.getMappedPort(6379)),
                container::stop);
    }

    /** The server's address as {@code redis://host:port}. */
    public String url() {
        return url;
    }

    void stop() {
        onStop.run();
    }

    /** Fails at once, with what to do, when no Redis answers (rather than every test timing out on its own). */
    private void ping() {
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            if (!new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                throw new IOException("answered " + new String(answer, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("No Redis answers at %s (%s). Start one with: redis-server --daemonize yes, "
                    .formatted(url, e.getMessage()) + "or point PORTAL_TEST_REDIS_URL at one", e);
        }
    }
}
