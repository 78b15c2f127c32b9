package com.partnersportal.launcher;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code ./portal start} and {@code ./portal status} print: one row per component, then how to use the sandbox. */
final class StatusTable {

    enum State { UP, UNHEALTHY, DOWN }

    record Row(PlatformProcess component, State state, Optional<Long> pid) {}

    private static final String[] HEADER = {"COMPONENT", "STATE", "PID", "URL", "HEALTH", "LOG"};

    private StatusTable() {}

    static Row probe(PlatformProcess component, PidFiles pids) {
        Optional<ProcessHandle> process = pids.alive(component.name());
        State state = process.isEmpty() ? State.DOWN : component.isHealthy() ? State.UP : State.UNHEALTHY;
        return new Row(component, state, process.map(ProcessHandle::pid));
    }

    static void print(List<Row> rows, RunDirectory run) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : rows) {
            PlatformProcess c = row.component();
            lines.add(new String[] {c.name(), row.state().name(), row.pid().map(String::valueOf).orElse("-"),
                    c.url(), c.healthUrl(), run.display(run.log(c.name()))});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder out = new StringBuilder(" ");
            for (int i = 0; i < line.length; i++) {
                out.append(' ').append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 1));
            }
            System.out.println(out);
        }
    }

    static void printBanner() {
        System.out.println("""

                  ====================================================================
                   SANDBOX - local development platform. Test data only; no real
                   payments are made and every e-mail is caught by the mail catcher.
                  ====================================================================""");
    }

    static void printHowTo(RunDirectory run) {
        String api = MailCatcherProcess.API;
        System.out.println();
        System.out.println("  Portal (web app):      http://127.0.0.1:8080/portal/  (sign in as the demo admin, credentials below)");
        System.out.println("  Gateway (entry point): http://127.0.0.1:8080");
        System.out.println("  Kafka bootstrap:       " + KafkaProcess.BOOTSTRAP);
        System.out.println("  Mail catcher:          SMTP 127.0.0.1:" + MailCatcherProcess.SMTP_PORT + ", web UI and REST API at " + api);
        System.out.printf("      %-55s %s%n", "curl " + api + "/api/user", "who received mail");
        System.out.printf("      %-55s %s%n", "curl " + api + "/api/user/<email>/messages/", "their messages (INBOX)");
        System.out.printf("      %-55s %s%n", "curl -X POST " + api + "/api/mail/purge", "delete all mail");
        System.out.println(Files.exists(run.demoCredentials())
                ? "  Demo credentials:      " + run.demoCredentials() + "  (merchant, admin, API token)"
                : "  Demo credentials:      not written (yet) to " + run.demoCredentials());
        System.out.println();
        System.out.println("  Logs: " + run.display(run.logs()) + "/   Stop: ./portal stop   Status: ./portal status");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
