package com.partnersportal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * GreenMail standalone as the sandbox's mail catcher: SMTP on 127.0.0.1:3025 without authentication (every
 * recipient gets a mailbox on first delivery), REST API and web UI on http://127.0.0.1:8025.
 *
 * <p>REST paths (from the OpenAPI document inside greenmail-standalone 2.1.8):
 * {@code GET /api/user}, {@code GET /api/user/{email}/messages/} (INBOX), {@code GET /api/user/{email}/messages/{folder}/},
 * {@code POST /api/mail/purge}, {@code POST /api/service/reset}, {@code GET /api/service/readiness},
 * {@code GET /api/configuration}; {@code /} is the web UI (RapiDoc of that API).
 */
record MailCatcherProcess(RunDirectory run) implements PlatformProcess {

    static final int SMTP_PORT = 3025;
    static final int API_PORT = 8025;
    static final String API = "http://127.0.0.1:" + API_PORT;

    @Override
    public String name() { return "mail"; }

    @Override
    public List<Integer> ports() { return List.of(SMTP_PORT, API_PORT); }

    @Override
    public String url() { return API; }

    @Override
    public String healthUrl() { return API + "/api/service/readiness"; }

    @Override
    public Process start(ProcessStarter starter) throws IOException {
        return starter.start(name(), List.of(
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.setup.test.smtp",          // SMTP on the test port 3025
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.auth.disabled",            // any login/password; mailboxes created on delivery
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + API_PORT,
                "-jar", greenMailJar().toString()), Map.of());
    }

    @Override
    public boolean isHealthy() {
        return HealthWait.portOpen(SMTP_PORT) && HealthWait.httpOk(healthUrl());
    }

    private Path greenMailJar() throws IOException {
        Path dir = run.launcherTarget("mail");
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("greenmail-standalone-")).findFirst()
                    .orElseThrow(() -> new IOException("no greenmail-standalone jar in " + dir + "; run ./portal build"));
        }
    }
}
