package com.partnersportal.settlement.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.partnersportal.zatcasim.ZatcaSandbox;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * ZATCA for the tests: WireMock with the ZATCA simulator's extension (CSIDs from CSRs, compliance checks,
 * clearance with hash and stamp checks, ZATCA's stamp on cleared documents), started once per test JVM on a free
 * port, and the service pointed at it. Tests stub over it (higher priority) for failures and slow answers, and read
 * its request journal to see what was sent.
 */
public final class ZatcaSandboxServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new ZatcaSandbox()));
            server.start();
            ZatcaSandbox.route(server);
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port() + "/e-invoicing/developer-portal";
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("zatca-sandbox",
                Map.of("portal.settlement.zatca.base-url", baseUrl(),
                        // the tests drive ClearanceWorker.drain() themselves, so that they decide who claims what
                        "portal.settlement.zatca.submissions.poll-interval", "1h")));
    }
}
