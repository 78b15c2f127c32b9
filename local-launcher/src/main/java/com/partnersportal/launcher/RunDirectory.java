package com.partnersportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The repository checkout the platform runs from, and its {@code .run/} state directory (gitignored):
 * {@code pids/<name>.pid}, {@code logs/<name>.log}, {@code kafka/} (config and data) and the demo
 * credentials the identity service writes.
 */
record RunDirectory(Path home) {

    RunDirectory {
        home = home.toAbsolutePath().normalize();
    }

    static RunDirectory fromSystemProperty() {
        return new RunDirectory(Path.of(System.getProperty("portal.home", ".")));
    }

    Path root() { return home.resolve(".run"); }

    Path pids() { return root().resolve("pids"); }

    Path logs() { return root().resolve("logs"); }

    Path kafka() { return root().resolve("kafka"); }

    Path demoCredentials() { return root().resolve("demo-credentials.json"); }

    /** {@code local-launcher/target/<dir>}, where Maven copied the Kafka and GreenMail jars. */
    Path launcherTarget(String dir) { return home.resolve("local-launcher/target").resolve(dir); }

    Path log(String name) { return logs().resolve(name + ".log"); }

    /** The log file for a fresh start of {@code name}; the previous run's log is kept as {@code <name>.log.1}. */
    Path freshLog(String name) {
        Path log = log(name);
        try {
            Files.createDirectories(logs());
            if (Files.exists(log)) {
                Files.move(log, logs().resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to show a path to the user: relative to the checkout when inside it. */
    String display(Path path) {
        return path.startsWith(home) ? home.relativize(path).toString() : path.toString();
    }
}
