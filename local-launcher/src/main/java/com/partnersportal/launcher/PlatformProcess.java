package com.partnersportal.launcher;

import java.io.IOException;
import java.util.List;

/** One OS process of the local platform: how to start it and how to tell that it is healthy. */
sealed interface PlatformProcess permits KafkaProcess, MailCatcherProcess, ServiceProcess, ZatcaSimulatorProcess {

    /** Also the name of its pid file and log file. */
    String name();

    /** The TCP ports it listens on (all on 127.0.0.1). */
    List<Integer> ports();

    /** Starts the process detached from the launcher and returns as soon as it is spawned. */
    Process start(ProcessStarter starter) throws IOException;

    /** One quick probe; false while starting or broken. */
    boolean isHealthy();

    /** What a developer connects to. */
    String url();

    /** What the launcher probes. */
    String healthUrl();
}
