package com.partnersportal.kit.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The worker against a real PostgreSQL table, the way the services' queues use it. */
class DurableWorkerIT {

    private static final String SERVER = "jdbc:postgresql://%s:%s/".formatted(
            System.getenv().getOrDefault("PGHOST", "127.0.0.1"), System.getenv().getOrDefault("PGPORT", "5432"));
    private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "");
    private static final String DATABASE = "test_" + UUID.randomUUID().toString().replace("-", "");
    private static JdbcClient jdbc;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ItemQueue queue = new ItemQueue();

    @BeforeAll
    static void createDatabase() throws SQLException {
        execute("CREATE DATABASE " + DATABASE);
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), SERVER + DATABASE, USER, PASSWORD));
        jdbc.sql("""
                CREATE TABLE work_item (
                    id              UUID PRIMARY KEY,
                    status          TEXT NOT NULL DEFAULT 'pending',
                    attempts        INT  NOT NULL DEFAULT 0,
                    next_attempt_at TIMESTAMPTZ,
                    claimed_by      UUID,
                    done_by         UUID,
                    last_error      TEXT)""").update();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM work_item").update();
    }

    @Test
    void workWhoseHolderDiedIsClaimedAgainOnceItsLeaseEndsAndDoneOnce() {
        UUID item = add();
        queue.onAttempt(item, attempt -> {
            if (attempt == 1) {
                throw new HolderDied();
            }
        });
        DurableWorker<UUID> dying = worker(3, Duration.ofMillis(500), 10);
        try {
            dying.pass();
        } catch (HolderDied expected) {
            // the first holder is gone, its lease still on the row
        }
        DurableWorker<UUID> survivor = worker(3, Duration.ofMinutes(1), 10);
        assertThat(survivor.pass()).as("nothing is claimed while the lease holds").isZero();

        await().atMost(10, TimeUnit.SECONDS).until(() -> survivor.pass() == 1);

        assertThat(row(item).status()).isEqualTo("done");
        assertThat(row(item).attempts()).isEqualTo(2);
        assertThat(queue.attempts(item)).containsExactly(1, 2);
        assertThat(count("portal.work.lease.expirations")).isEqualTo(1);
        assertThat(count("portal.work.succeeded")).isEqualTo(1);
    }

    @Test
    void theOldHolderCannotRecordAnOutcomeAfterItsLeaseEnded() throws Exception {
        UUID item = add();
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        queue.onAttempt(item, attempt -> {
            if (attempt == 1) {
                hung.countDown();
                waitFor(resume);
            }
        });
        DurableWorker<UUID> slow = worker(3, Duration.ofMillis(300), 10);
        Thread first = Thread.ofVirtual().start(slow::pass);
        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();
        DurableWorker<UUID> other = worker(3, Duration.ofMinutes(1), 10);
        await().atMost(10, TimeUnit.SECONDS).until(() -> other.pass() == 1);
        resume.countDown();
        first.join();

        assertThat(row(item).status()).isEqualTo("done");
        assertThat(queue.recordedBy(item)).as("only the live lease recorded the outcome").hasSize(1);
    }

    @Test
    void failedAttemptsAreRetriedAfterAJitteredExponentialBackoff() {
        UUID item = add();
        queue.onAttempt(item, attempt -> {
            if (attempt < 3) {
                throw new IllegalStateException("receiver away (attempt " + attempt + ")");
            }
        });
        DurableWorker<UUID> worker = worker(5, Duration.ofMinutes(1), 10);

        Instant before = Instant.now();
        worker.pass();
        Instant after = Instant.now();
        Row retried = row(item);
        assertThat(retried.status()).isEqualTo("pending");
        assertThat(retried.lastError()).contains("attempt 1");
        assertThat(retried.nextAttemptAt()).as("200 ms +-20 % after the failure")
                .isBetween(before.plusMillis(160), after.plusMillis(240));

        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            worker.pass();
            return row(item).status().equals("done");
        });
        assertThat(row(item).attempts()).isEqualTo(3);
        assertThat(count("portal.work.retried")).isEqualTo(2);
        assertThat(count("portal.work.succeeded")).isEqualTo(1);
    }

    @Test
    void workThatKeepsFailingIsGivenUpAfterItsLastAttemptAndNeverTriedAgain() {
        UUID item = add();
        queue.onAttempt(item, attempt -> {
            throw new IllegalStateException("still failing");
        });
        DurableWorker<UUID> worker = worker(3, Duration.ofMinutes(1), 10);

        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            worker.pass();
            return row(item).status().equals("failed");
        });
        assertThat(row(item).attempts()).isEqualTo(3);
        assertThat(row(item).lastError()).contains("still failing");
        assertThat(count("portal.work.gave.up")).isEqualTo(1);
        assertThat(count("portal.work.retried")).isEqualTo(2);
        jdbc.sql("UPDATE work_item SET next_attempt_at = now() - interval '1 hour'").update();
        assertThat(worker.pass()).isZero();
        assertThat(queue.attempts(item)).containsExactly(1, 2, 3);
    }

    @Test
    void aPermanentFailureIsGivenUpAtTheFirstAttempt() {
        UUID item = add();
        queue.onAttempt(item, attempt -> {
            throw new IllegalArgumentException("not an address");
        });
        worker(10, Duration.ofMinutes(1), 10).pass();

        assertThat(row(item).status()).isEqualTo("failed");
        assertThat(row(item).attempts()).isEqualTo(1);
        assertThat(count("portal.work.gave.up")).isEqualTo(1);
    }

    @Test
    void workWhoseLastAttemptWasNeverReportedIsGivenUpRatherThanDoneAgain() {
        UUID item = add();
        jdbc.sql("UPDATE work_item SET attempts = 3, claimed_by = :dead, next_attempt_at = now() - interval '1 second'")
                .param("dead", UUID.randomUUID()).update();
        DurableWorker<UUID> worker = worker(3, Duration.ofMinutes(1), 10);

        assertThat(worker.pass()).isZero();

        assertThat(row(item).status()).isEqualTo("failed");
        assertThat(queue.attempts(item)).isEmpty();
        assertThat(count("portal.work.gave.up")).isEqualTo(1);
        assertThat(count("portal.work.lease.expirations")).isEqualTo(1);
    }

    @Test
    void stoppingFinishesThePieceUnderWayAndGivesTheRestOfTheBatchBack() throws Exception {
        UUID first = add();
        List<UUID> rest = List.of(add(), add(), add());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        queue.onAttempt(first, attempt -> {
            started.countDown();
            waitFor(finish);
        });
        DurableWorker<UUID> worker = new DurableWorker<>("test-work", queue, schedule(3),
                new DurableWorker.Settings(Duration.ofHours(1), 10, Duration.ofMinutes(5), Duration.ofSeconds(30)),
                Clock.systemUTC(), meters);
        worker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopping = Thread.ofVirtual().start(worker::stop);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !worker.isRunning());
        finish.countDown();
        stopping.join(Duration.ofSeconds(30));

        assertThat(stopping.isAlive()).isFalse();
        assertThat(row(first).status()).isEqualTo("done");
        for (UUID other : rest) {
            Row row = row(other);
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.claimedBy()).as("given back, not held until the lease ends").isNull();
            assertThat(row.attempts()).as("its attempt was not made, so not counted").isZero();
            assertThat(queue.attempts(other)).isEmpty();
        }
    }

    @Test
    void aWakeUpClaimsNewWorkWithoutWaitingForThePoll() {
        DurableWorker<UUID> worker = new DurableWorker<>("test-work", queue, schedule(3),
                new DurableWorker.Settings(Duration.ofHours(1), 10, Duration.ofMinutes(5), Duration.ofSeconds(5)),
                Clock.systemUTC(), meters);
        worker.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> count("portal.work.batch.duration") >= 0);
            UUID item = add();
            worker.wake();
            await().atMost(10, TimeUnit.SECONDS).until(() -> row(item).status().equals("done"));
        } finally {
            worker.stop();
        }
    }

    @Test
    void concurrentAttemptsStayWithinTheirBoundAndAPassClaimsOnlyForFreePlaces() {
        List<UUID> items = List.of(add(), add(), add(), add(), add(), add(), add(), add());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        items.forEach(item -> queue.onAttempt(item, attempt -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            waitFor(release);
            running.decrementAndGet();
        }));
        DurableWorker<UUID> worker = concurrent(queue, 3, 1, Duration.ofMillis(50));
        worker.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> running.get() == 3);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> running.get() == 3);
            assertThat(worker.inFlight()).isEqualTo(3);
            assertThat(claimedRows()).as("the other five wait unclaimed for a free place").isEqualTo(3);

            release.countDown();
            await().atMost(10, TimeUnit.SECONDS).until(() -> items.stream().allMatch(i -> row(i).status().equals("done")));
        } finally {
            worker.stop();
        }
        assertThat(peak.get()).isEqualTo(3);
        assertThat(count("portal.work.succeeded")).isEqualTo(8);
        assertThat(count("portal.work.claimed")).isEqualTo(8);
    }

    @Test
    void outcomesThatFinishWhileOneBatchIsWrittenAreRecordedTogetherInTheNext() {
        BatchQueue batches = new BatchQueue();
        List<UUID> items = List.of(add(), add(), add(), add(), add(), add());
        // The first finishes at once; the others once its outcome is being written.
        items.subList(1, items.size()).forEach(item -> batches.onAttempt(item, attempt -> waitFor(batches.writing)));
        DurableWorker<UUID> worker = concurrent(batches, 6, 10, Duration.ofMillis(50));
        worker.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> batches.writing.getCount() == 0);
            // The first outcome is being written; the other five finish meanwhile and wait, holding their places.
            await().atMost(10, TimeUnit.SECONDS).until(() -> worker.outcomesWaiting() == 5);
            assertThat(worker.inFlight()).isEqualTo(6);
            assertThat(items.stream().filter(i -> row(i).status().equals("done")).count()).isZero();

            batches.release.countDown();
            await().atMost(10, TimeUnit.SECONDS).until(() -> items.stream().allMatch(i -> row(i).status().equals("done")));
        } finally {
            worker.stop();
        }
        assertThat(batches.sizes).containsExactly(1, 5);
        assertThat(items).allSatisfy(i -> assertThat(row(i).lastError()).as("the attempt's report reached the hook")
                .isEqualTo("report of attempt 1"));
        assertThat(count("portal.work.succeeded")).isEqualTo(6);
        assertThat(worker.inFlight()).isZero();
    }

    @Test
    void aFixedListScheduleIsWaitedInTurnAndAWaitTheWorkAsksForWins() {
        BatchQueue batches = new BatchQueue();
        batches.release.countDown();
        UUID listed = add();
        UUID asking = add();
        batches.onAttempt(listed, attempt -> {
            throw new IllegalStateException("receiver away");
        });
        batches.onAttempt(asking, attempt -> {
            throw new WaitPlease(Duration.ofSeconds(7));
        });
        DurableWorker<UUID> worker = new DurableWorker<>("test-work", batches,
                RetrySchedule.fixed(List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofHours(1)), 0),
                new DurableWorker.Settings(Duration.ofMillis(50), 10, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                Clock.systemUTC(), meters);

        Instant before = Instant.now();
        worker.pass();
        Instant after = Instant.now();
        assertThat(row(listed).nextAttemptAt()).as("the list's second wait")
                .isBetween(before.plusSeconds(3).minusMillis(1), after.plusSeconds(3).plusMillis(1));
        assertThat(row(asking).nextAttemptAt()).as("the wait the attempt asked for")
                .isBetween(before.plusSeconds(7).minusMillis(1), after.plusSeconds(7).plusMillis(1));

        jdbc.sql("UPDATE work_item SET next_attempt_at = now() WHERE id = :id").param("id", listed).update();
        before = Instant.now();
        worker.pass();
        after = Instant.now();
        assertThat(row(listed).nextAttemptAt()).as("the list's third wait")
                .isBetween(before.plus(Duration.ofHours(1)).minusMillis(1),
                        after.plus(Duration.ofHours(1)).plusMillis(1));

        jdbc.sql("UPDATE work_item SET next_attempt_at = now() WHERE id = :id").param("id", listed).update();
        worker.pass();
        assertThat(row(listed).status()).as("three waits in the list, three attempts").isEqualTo("failed");
        assertThat(row(listed).attempts()).isEqualTo(3);
        assertThat(batches.sizes).as("one by one when attempts run in turn").containsOnly(1);
    }

    @Test
    void aFinishedAttemptWakesTheWorkerForWorkThatWaitedForAFreePlace() {
        UUID first = add();
        UUID second = add();
        CountDownLatch holdFirst = new CountDownLatch(1);
        CountDownLatch holdSecond = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        queue.onAttempt(first, attempt -> {
            running.incrementAndGet();
            waitFor(holdFirst);
        });
        queue.onAttempt(second, attempt -> {
            running.incrementAndGet();
            waitFor(holdSecond);
        });
        DurableWorker<UUID> worker = concurrent(queue, 2, 1, Duration.ofHours(1));
        worker.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> running.get() == 2);
            UUID third = add();
            holdSecond.countDown();
            await().atMost(10, TimeUnit.SECONDS).until(() -> row(third).status().equals("done"));
            assertThat(row(first).status()).isEqualTo("pending");
        } finally {
            holdFirst.countDown();
            worker.stop();
        }
        assertThat(row(first).status()).as("stopping let the attempt under way finish").isEqualTo("done");
    }

    private DurableWorker<UUID> worker(int maxAttempts, Duration lease, int batchSize) {
        return new DurableWorker<>("test-work", queue, schedule(maxAttempts),
                new DurableWorker.Settings(Duration.ofMillis(50), batchSize, lease, Duration.ofSeconds(5)),
                Clock.systemUTC(), meters);
    }

    private DurableWorker<UUID> concurrent(WorkQueue<UUID> on, int concurrency, int recordBatch, Duration poll) {
        return new DurableWorker<>("test-work", on, schedule(3),
                new DurableWorker.Settings(poll, 10, Duration.ofMinutes(5), Duration.ofSeconds(30), concurrency,
                        recordBatch), Clock.systemUTC(), meters);
    }

    private static long claimedRows() {
        return jdbc.sql("SELECT count(*) FROM work_item WHERE claimed_by IS NOT NULL").query(Long.class).single();
    }

    private static RetrySchedule schedule(int maxAttempts) {
        return new RetrySchedule(maxAttempts, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0.2);
    }

    private double count(String name) {
        if (name.endsWith("duration")) {
            return meters.get(name).tag("work", "test-work").timer().count();
        }
        var counter = meters.find(name).tag("work", "test-work").counter();
        return counter == null ? 0 : counter.count();
    }

    private static UUID add() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO work_item (id, next_attempt_at) VALUES (:id, now())").param("id", id).update();
        return id;
    }

    private static Row row(UUID id) {
        return jdbc.sql("SELECT status, attempts, next_attempt_at, claimed_by, last_error FROM work_item WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, UUID.class), rs.getString(5)))
                .single();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        }
    }

    record Row(String status, int attempts, Instant nextAttemptAt, UUID claimedBy, String lastError) {
    }

    /** A process that dies mid-attempt: nothing of it runs any further. */
    static final class HolderDied extends Error {
    }

    /** An attempt that fails and names when to try again (a receiver's Retry-After). */
    static final class WaitPlease extends RuntimeException {
        final Duration wait;

        WaitPlease(Duration wait) {
            super("come back in " + wait);
            this.wait = wait;
        }
    }

    /**
     * The same table as a queue whose attempts report how they went and whose outcomes are recorded through the batch
     * hook; the first batch is held until {@code release}, and each batch's size is kept.
     */
    static final class BatchQueue extends ItemQueue {

        final List<Integer> sizes = new CopyOnWriteArrayList<>();
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Attempt attempt(Claimed<UUID> work, Lease lease) {
            try {
                behave(work);
            } catch (WaitPlease please) {
                return Attempt.failed(please.getMessage(), please.wait, "report of attempt " + work.attempt());
            } catch (IllegalStateException e) {
                return Attempt.failed(e.getMessage(), null, "report of attempt " + work.attempt());
            }
            return Attempt.succeeded("report of attempt " + work.attempt());
        }

        @Override
        public List<Boolean> recordAll(List<Outcome<UUID>> outcomes) {
            writing.countDown();
            waitFor(release);
            sizes.add(outcomes.size());
            List<Boolean> recorded = new ArrayList<>();
            for (Outcome<UUID> outcome : outcomes) {
                recorded.add(switch (outcome.status()) {
                    case SUCCEEDED -> jdbc.sql("""
                                    UPDATE work_item SET status = 'done', done_by = :lease, claimed_by = NULL,
                                        next_attempt_at = NULL, last_error = :report
                                    WHERE id = :id AND claimed_by = :lease""")
                            .param("id", outcome.work().item()).param("lease", outcome.lease().id())
                            .param("report", outcome.reportAs(String.class)).update() == 1;
                    case RETRY -> retry(outcome.work(), outcome.lease(), outcome.next(), outcome.error());
                    case GIVE_UP -> giveUp(outcome.work(), outcome.lease(), outcome.error());
                });
            }
            return recorded;
        }
    }

    /** A work queue over {@code work_item}, written the way the services write theirs. */
    static class ItemQueue implements WorkQueue<UUID> {

        private final Map<UUID, Consumer<Integer>> behaviour = new ConcurrentHashMap<>();
        private final Map<UUID, List<Integer>> attempts = new ConcurrentHashMap<>();
        private final Map<UUID, List<UUID>> recorded = new ConcurrentHashMap<>();

        void onAttempt(UUID item, Consumer<Integer> action) {
            behaviour.put(item, action);
        }

        List<Integer> attempts(UUID item) {
            return attempts.getOrDefault(item, List.of());
        }

        List<UUID> recordedBy(UUID item) {
            return recorded.getOrDefault(item, List.of());
        }

        @Override
        public List<Claimed<UUID>> claim(Lease lease, int limit) {
            return jdbc.sql("""
                            UPDATE work_item w SET claimed_by = :lease, next_attempt_at = :until, attempts = w.attempts + 1
                            FROM (SELECT id, claimed_by AS previous FROM work_item
                                  WHERE status = 'pending' AND next_attempt_at <= :now
                                  ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                            WHERE w.id = due.id
                            RETURNING w.id, w.attempts, due.previous IS NOT NULL AS lease_expired""")
                    .param("lease", lease.id())
                    .param("until", Timestamp.from(lease.until()))
                    .param("now", Timestamp.from(lease.start()))
                    .param("limit", limit)
                    .query((rs, n) -> new Claimed<>(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3)))
                    .list();
        }

        void behave(Claimed<UUID> work) {
            attempts.computeIfAbsent(work.item(), id -> new CopyOnWriteArrayList<>()).add(work.attempt());
            behaviour.getOrDefault(work.item(), attempt -> { }).accept(work.attempt());
        }

        @Override
        public boolean process(Claimed<UUID> work, Lease lease) {
            behave(work);
            boolean done = jdbc.sql("""
                            UPDATE work_item SET status = 'done', done_by = :lease, claimed_by = NULL, next_attempt_at = NULL
                            WHERE id = :id AND claimed_by = :lease""")
                    .param("id", work.item()).param("lease", lease.id()).update() == 1;
            if (done) {
                recorded.computeIfAbsent(work.item(), id -> new CopyOnWriteArrayList<>()).add(lease.id());
            }
            return done;
        }

        @Override
        public boolean retry(Claimed<UUID> work, Lease lease, Instant next, String error) {
            return jdbc.sql("""
                            UPDATE work_item SET next_attempt_at = :next, last_error = :error, claimed_by = NULL
                            WHERE id = :id AND claimed_by = :lease""")
                    .param("id", work.item()).param("lease", lease.id()).param("next", Timestamp.from(next))
                    .param("error", error).update() == 1;
        }

        @Override
        public boolean giveUp(Claimed<UUID> work, Lease lease, String error) {
            return jdbc.sql("""
                            UPDATE work_item SET status = 'failed', last_error = :error, claimed_by = NULL, next_attempt_at = NULL
                            WHERE id = :id AND claimed_by = :lease""")
                    .param("id", work.item()).param("lease", lease.id()).param("error", error).update() == 1;
        }

        @Override
        public boolean permanent(Exception failure) {
            return failure instanceof IllegalArgumentException;
        }

        @Override
        public void release(Claimed<UUID> work, Lease lease) {
            jdbc.sql("""
                            UPDATE work_item SET claimed_by = NULL, next_attempt_at = :now, attempts = attempts - 1
                            WHERE id = :id AND claimed_by = :lease""")
                    .param("id", work.item()).param("lease", lease.id()).param("now", Timestamp.from(lease.start()))
                    .update();
        }

        @Override
        public int giveUpAbandoned(Instant now, int maxAttempts) {
            return jdbc.sql("""
                            UPDATE work_item SET status = 'failed', claimed_by = NULL, next_attempt_at = NULL,
                                last_error = 'no outcome was recorded for the last attempt'
                            WHERE status = 'pending' AND attempts >= :max AND next_attempt_at <= :now""")
                    .param("max", maxAttempts).param("now", Timestamp.from(now)).update();
        }
    }
}
