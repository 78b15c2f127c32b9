package com.partnersportal.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Finds the platform's ports that some other program already listens on. */
final class PortCheck {

    record Taken(int port, String wantedBy) {
        @Override
        public String toString() { return port + " (" + wantedBy + ")"; }
    }

    private PortCheck() {}

    static List<Taken> taken(List<? extends PlatformProcess> components) {
        return components.stream()
                .flatMap(c -> c.ports().stream().map(port -> new Taken(port, c.name())))
                .filter(t -> !isFree(t.port()))
                .toList();
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);   // a port in TIME_WAIT after a stop counts as free
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
