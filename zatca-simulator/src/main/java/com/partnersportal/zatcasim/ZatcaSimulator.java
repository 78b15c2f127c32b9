package com.partnersportal.zatcasim;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the ZATCA sandbox stand-in on its own: {@code java -cp 'target/lib/*:target/zatca-simulator.jar'
 * com.partnersportal.zatcasim.ZatcaSimulator PORT [STATE_DIRECTORY [CSID_VALIDITY [BIND_ADDRESS]]]}. Listens on
 * 127.0.0.1 unless told otherwise (docker-compose, inside its own network).
 */
public final class ZatcaSimulator {

    private ZatcaSimulator() {
    }

    public static WireMockServer start(int port, Path stateDirectory, Duration productionValidity) {
        return start(port, stateDirectory, productionValidity, "127.0.0.1");
    }

    public static WireMockServer start(int port, Path stateDirectory, Duration productionValidity, String bindAddress) {
        WireMockServer server = new WireMockServer(options().bindAddress(bindAddress).port(port)
                .extensions(new ZatcaSandbox(stateDirectory, productionValidity)).disableRequestJournal());
        server.start();
        ZatcaSandbox.route(server);
        return server;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8086;
        Path state = args.length > 1 ? Path.of(args[1]) : null;
        Duration validity = args.length > 2 ? Duration.parse(args[2]) : Duration.ofDays(365);
        String bindAddress = args.length > 3 ? args[3] : "127.0.0.1"; // 0.0.0.0 only inside a container network
        WireMockServer server = start(port, state, validity, bindAddress);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("ZATCA simulator listening on http://127.0.0.1:" + server.port() + "/e-invoicing/developer-portal");
    }
}
