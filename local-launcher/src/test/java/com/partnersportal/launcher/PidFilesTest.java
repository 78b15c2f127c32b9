package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path home;

    @Test
    void writesReadsAndRemovesPidFiles() {
        PidFiles pids = new PidFiles(new RunDirectory(home));

        pids.write("kafka", 4242);

        assertThat(home.resolve(".run/pids/kafka.pid")).hasContent("4242");
        assertThat(pids.read("kafka")).contains(4242L);
        pids.remove("kafka");
        assertThat(pids.read("kafka")).isEmpty();
    }

    @Test
    void aLivePidWithoutThePlatformMarkersIsNotOurs() {
        PidFiles pids = new PidFiles(new RunDirectory(home));
        pids.write("gateway", ProcessHandle.current().pid());   // e.g. a recycled pid

        assertThat(pids.alive("gateway")).isEmpty();
    }

    @Test
    void aDeadPidIsNotAlive() throws Exception {
        PidFiles pids = new PidFiles(new RunDirectory(home));
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        pids.write("mail", done.pid());

        assertThat(pids.alive("mail")).isEmpty();
    }

    @Test
    void startedProcessIsRecordedDetachedAndStoppable() throws Exception {
        RunDirectory run = new RunDirectory(home);
        PidFiles pids = new PidFiles(run);
        Process child = new ProcessStarter(run, pids).start("sleeper",
                List.of("-cp", System.getProperty("java.class.path"), Sleeper.class.getName()), Map.of("SLEEPER", "yes"));
        try {
            awaitLogLine(run.log("sleeper"), "sleeping yes");   // until then the pid may still be the spawn helper's
            assertThat(pids.read("sleeper")).contains(child.pid());
            assertThat(pids.alive("sleeper")).map(ProcessHandle::pid).contains(child.pid());
            assertThat(pids.strays(Set.of())).extracting(ProcessHandle::pid).contains(child.pid());
            assertThat(pids.strays(Set.of(child.pid()))).isEmpty();
            assertThat(PidFiles.componentOf(child.toHandle())).contains("sleeper");

            ProcessStopper.stop(List.of(new ProcessStopper.Named("sleeper", child.toHandle())));

            assertThat(child.isAlive()).isFalse();
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitLogLine(Path log, String line) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log).exists().content().contains(line));
    }

    /** The child process of {@link #startedProcessIsRecordedDetachedAndStoppable()}. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping " + System.getenv("SLEEPER"));
            new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
