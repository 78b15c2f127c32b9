package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aPortSomeoneListensOnIsTakenAndFreeAgainAfterwards() throws Exception {
        int port;
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = other.getLocalPort();
            assertThat(PortCheck.isFree(port)).isFalse();
            assertThat(HealthWait.portOpen(port)).isTrue();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
        assertThat(HealthWait.portOpen(port)).isFalse();
    }
}
