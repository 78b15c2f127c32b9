package com.partnersportal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A Kafka bootstrap address that a test can bring up after the service under test has started.
 * Until {@link #forwardTo} is called nothing listens on it, exactly as when the broker is down; after
 * that it forwards connections to a real broker (the broker's metadata then leads clients to it).
 */
public final class BrokerAddress implements AutoCloseable {

    private final int port;
    private ServerSocket listener;

    private BrokerAddress(int port) {
        this.port = port;
    }

    /** Reserves a free port with nothing listening on it. */
    public static BrokerAddress unreachable() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new BrokerAddress(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** From now on, connections to this address reach the broker at {@code bootstrapServers}. */
    public synchronized void forwardTo(String bootstrapServers) {
        String[] hostPort = bootstrapServers.split(",")[0].split(":");
        InetSocketAddress broker = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        try {
            listener = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> accept(broker));
    }

    private void accept(InetSocketAddress broker) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(broker.getHostString(), broker.getPort());
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side closed: the other follows.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            closeQuietly(listener);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
