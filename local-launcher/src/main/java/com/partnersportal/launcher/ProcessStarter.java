package com.partnersportal.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM child process that outlives the launcher: stdin from /dev/null, stdout and stderr to
 * {@code .run/logs/<name>.log}, and, where {@code setsid} exists, a session of its own so that closing
 * the terminal (SIGHUP) or Ctrl-C in it never reaches the platform. The pid goes to {@code .run/pids}.
 *
 * <p>Children run on the same JDK as the launcher (the one {@code ./portal} picked).
 */
final class ProcessStarter {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final RunDirectory run;
    private final PidFiles pids;

    ProcessStarter(RunDirectory run, PidFiles pids) {
        this.run = run;
        this.pids = pids;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    RunDirectory run() { return run; }

    /** Runs {@code java <jvmArgs...>} for component {@code name} with {@code env} added to the launcher's environment. */
    Process start(String name, List<String> jvmArgs, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // setsid(1) execs in place (a spawned child is no process-group leader), so the pid stays the JVM's.
            command.add(SETSID.toString());
        }
        command.add(java().toString());
        command.addAll(pids.markers(name));
        command.addAll(jvmArgs);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(run.home().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(run.freshLog(name).toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        pids.write(name, process.pid());
        return process;
    }
}
