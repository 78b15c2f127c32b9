package com.partnersportal.zatcasim;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the ZATCA sandbox stand-in on its own: {@code java -cp 'target/lib/*:target/zatca-simulator.jar'
 * com.partnersportal.zatcasim.ZatcaSimulator PORT STATE_DIRECTORY}. Listens on 127.0.0.1 only.
 */
public final class ZatcaSimulator {

    private ZatcaSimulator() {
    }

    public static WireMockServer start(int port, Path stateDirectory, Duration productionValidity) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .extensions(new ZatcaSandbox(stateDirectory, productionValidity)).disableRequestJournal());
        server.start();
        ZatcaSandbox.route(server);
        return server;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8086;
        Path state = args.length > 1 ? Path.of(args[1]) : null;
        Duration validity = args.length > 2 ? Duration.parse(args[2]) : Duration.ofDays(365);
        WireMockServer server = start(port, state, validity);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("ZATCA simulator listening on http://127.0.0.1:" + server.port() + "/e-invoicing/developer-portal");
    }
}
