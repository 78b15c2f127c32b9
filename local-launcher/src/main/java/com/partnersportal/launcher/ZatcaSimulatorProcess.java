package com.partnersportal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The ZATCA simulator (module zatca-simulator): a stand-in for ZATCA's Fatoora sandbox on http://127.0.0.1:8086,
 * which settlement-service onboards with and clears its tax documents through in sandbox mode. Its CA key lives in
 * .run/zatca-simulator, so CSIDs it issued stay valid across restarts. {@code POST /simulator/faults} and
 * {@code POST /simulator/clearance} make it fail or switch clearance off (docs/zatca.md).
 */
record ZatcaSimulatorProcess(RunDirectory run) implements PlatformProcess {

    static final int PORT = 8086;
    static final String URL = "http://127.0.0.1:" + PORT;

    @Override
    public String name() { return "zatca-simulator"; }

    @Override
    public List<Integer> ports() { return List.of(PORT); }

    @Override
    public String url() { return URL + "/e-invoicing/developer-portal"; }

    @Override
    public String healthUrl() { return URL + "/__admin/health"; }

    @Override
    public Process start(ProcessStarter starter) throws IOException {
        Path target = run.home().resolve("zatca-simulator/target");
        Path jar = target.resolve("zatca-simulator-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IOException("no " + jar + "; run ./portal build");
        }
        return starter.start(name(), List.of("-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", jar + java.io.File.pathSeparator + target.resolve("lib") + "/*",
                "com.partnersportal.zatcasim.ZatcaSimulator", Integer.toString(PORT),
                run.root().resolve("zatca-simulator").toString()), Map.of());
    }

    @Override
    public boolean isHealthy() {
        return HealthWait.httpOk(healthUrl());
    }
}
