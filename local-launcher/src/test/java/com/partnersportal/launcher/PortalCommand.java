package com.partnersportal.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code ./portal ...} of this checkout, as a user types it; the output is echoed for the test report. */
final class PortalCommand {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String output) {
    }

    static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>(List.of(ROOT.resolve("portal").toString()));
        commandLine.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    /** Processes of this checkout's platform still alive (their command line carries the run directory). */
    static List<String> platformProcesses() {
        String marker = "-Dportal.run=" + ROOT.resolve(".run");
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(marker))
                .toList();
    }

    private PortalCommand() {
    }
}
