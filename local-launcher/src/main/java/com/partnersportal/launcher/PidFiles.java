package com.partnersportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .run/pids/<name>.pid}: one file per started process, holding its pid.
 *
 * <p>Every process the launcher starts carries the JVM options {@code -Dportal.component=<name>}
 * and {@code -Dportal.run=<.run dir>}; a pid only counts as ours while the process behind it still
 * has them, so a recycled pid is never mistaken for (or signalled as) a platform process.
 */
final class PidFiles {

    private static final Pattern COMPONENT = Pattern.compile(" -Dportal\\.component=(\\S+) ");

    private final Path dir;
    private final String runMarker;

    PidFiles(RunDirectory run) {
        this.dir = run.pids();
        this.runMarker = runMarker(run);
    }

    static String runMarker(RunDirectory run) {
        return "-Dportal.run=" + run.root();
    }

    static String componentMarker(String name) {
        return "-Dportal.component=" + name;
    }

    /** The JVM options that mark a process as component {@code name} of this checkout's platform. */
    List<String> markers(String name) {
        return List.of(componentMarker(name), runMarker);
    }

    void write(String name, long pid) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".pid"), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Long> read(String name) {
        Path file = dir.resolve(name + ".pid");
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The live process recorded for {@code name}, if it is still the one the launcher started. */
    Optional<ProcessHandle> alive(String name) {
        return read(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(p -> isOurs(p, name));
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes of this checkout's platform that are running without (or despite a stale) pid file. */
    List<ProcessHandle> strays(Set<Long> knownPids) {
        return ProcessHandle.allProcesses()
                .filter(p -> !knownPids.contains(p.pid()))
                .filter(p -> hasOption(p, runMarker))
                .toList();
    }

    static Optional<String> componentOf(ProcessHandle process) {
        Matcher component = COMPONENT.matcher(commandLine(process) + " ");
        return component.find() ? Optional.of(component.group(1)) : Optional.empty();
    }

    private boolean isOurs(ProcessHandle process, String name) {
        // If the OS does not tell us the command line, trust the pid file.
        return commandLine(process).isEmpty() || (hasOption(process, componentMarker(name)) && hasOption(process, runMarker));
    }

    private static boolean hasOption(ProcessHandle process, String option) {
        return (" " + commandLine(process) + " ").contains(" " + option + " ");
    }

    /**
     * The process's command line. Linux reports very long ones (a big -cp) only as {@code commandLine()},
     * without {@code arguments()}.
     */
    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.arguments().map(args -> info.command().orElse("") + " " + String.join(" ", args))
                .or(info::commandLine)
                .orElse("");
    }
}
