package com.partnersportal.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.partnersportal.kit.work.Claimed;
import com.partnersportal.kit.work.Lease;
import com.partnersportal.notification.testing.NotificationIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue as several sender replicas use it, against the real database. The mails here are due a century from
 * now and claimed "then", so the service's own sender never touches them.
 */
@NotificationIntegrationTest
class DeliveryQueueIT {

    private static final Instant THEN = Instant.now().plus(36500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    DeliveryQueue queue;
    @Autowired
    JdbcClient jdbc;

    private final List<UUID> mine = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void letTheServiceFinishWhatOtherTestsAskedFor() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE status = 'pending' AND next_attempt_at IS NOT NULL")
                .query(Long.class).single() == 0);
    }

    @AfterEach
    void removeMine() {
        jdbc.sql("DELETE FROM notification WHERE id IN (:ids)").param("ids", mine.isEmpty() ? List.of(UUID.randomUUID()) : mine)
                .update();
    }

    @Test
    void sendersClaimingAtTheSameTimeNeverTakeTheSameMail() throws Exception {
        for (int i = 0; i < 60; i++) {
            pendingMail(0);
        }
        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> claimedBySender = new ArrayList<>();
        for (int sender = 0; sender < 4; sender++) {
            claimedBySender.add(senders.submit(claimUntilNoneIsLeft(start)));
        }
        start.countDown();
        List<UUID> claimed = new ArrayList<>();
        for (Future<List<UUID>> each : claimedBySender) {
            claimed.addAll(each.get());
        }
        senders.shutdown();

        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void aMailWhoseSenderStoppedIsClaimedAgainOnceTheLeaseEndsAndOnlyTheNewHolderRecordsTheOutcome() {
        UUID mail = pendingMail(0);
        Lease stoppedSender = lease(THEN);
        Lease laterSender = lease(THEN.plus(LEASE));

        assertThat(queue.claim(stoppedSender, 3, 10)).extracting(claimed -> claimed.item().id(), Claimed::attempt)
                .containsExactly(tuple(mail, 1));
        assertThat(claim(THEN.plus(LEASE).minusSeconds(1))).isEmpty();

        assertThat(queue.claim(laterSender, 3, 10)).extracting(claimed -> claimed.item().id(), Claimed::attempt)
                .containsExactly(tuple(mail, 2));
        assertThat(queue.markSent(mail, stoppedSender, THEN.plus(LEASE))).isFalse();
        assertThat(queue.markSent(mail, laterSender, THEN.plus(LEASE))).isTrue();
        assertThat(status(mail)).isEqualTo("sent");
        assertThat(claim(THEN.plus(LEASE.multipliedBy(3)))).isEmpty();
    }

    @Test
    void aMailWhoseLastAttemptWasNeverReportedIsGivenUpRatherThanMailedAgain() {
        UUID mail = pendingMail(9);
        assertThat(claim(THEN)).extracting(Claimed::attempt).containsExactly(10);

        assertThat(queue.giveUpAbandoned(THEN.plus(LEASE).minusSeconds(1), 10)).isEmpty();
        assertThat(queue.giveUpAbandoned(THEN.plus(LEASE), 10)).containsExactly("password-reset");

        assertThat(status(mail)).isEqualTo("failed");
        assertThat(jdbc.sql("SELECT last_error FROM notification WHERE id = :id").param("id", mail).query(String.class).single())
                .contains("its sender stopped");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id = :id AND html_body IS NULL AND text_body IS NULL")
                .param("id", mail).query(Long.class).single()).isEqualTo(1);
    }

    private Callable<List<UUID>> claimUntilNoneIsLeft(CountDownLatch start) {
        return () -> {
            start.await();
            List<UUID> claimed = new ArrayList<>();
            List<Claimed<PendingMail>> batch;
            do {
                batch = claim(THEN);
                batch.forEach(mail -> claimed.add(mail.item().id()));
            } while (!batch.isEmpty());
            return claimed;
        };
    }

    private List<Claimed<PendingMail>> claim(Instant now) {
        return queue.claim(lease(now), 3, 10);
    }

    private static Lease lease(Instant now) {
        return new Lease(UUID.randomUUID(), now, now.plus(LEASE));
    }

    private UUID pendingMail(int attempts) {
        UUID id = jdbc.sql("""
                        INSERT INTO notification (kind, recipient, language, subject, html_body, text_body, status, attempts,
                                                  next_attempt_at, event_id, event_type, created_at)
                        VALUES ('password-reset', :recipient, 'en', 'Reset your password', '<p>secret link</p>', 'secret link',
                                'pending', :attempts, :due, :event, 'test', now())
                        RETURNING id""")
                .param("recipient", "queue-" + UUID.randomUUID() + "@example.com")
                .param("attempts", attempts)
                .param("due", Timestamp.from(THEN))
                .param("event", UUID.randomUUID().toString())
                .query(UUID.class).single();
        mine.add(id);
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM notification WHERE id = :id").param("id", id).query(String.class).single();
    }
}
