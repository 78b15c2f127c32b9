package com.partnersportal.notification.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.notification.delivery.NotificationStatus;
import com.partnersportal.notification.mail.MailKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationQueryTest {

    @Test
    void readsEveryFilter() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());

        NotificationQuery query = NotificationQuery.parse(" Noura@Example.com ", "failed", "password-reset",
                "2026-11-25T00:00:00+03:00", "2026-11-26T00:00:00Z", "50", cursor.encode());

        assertThat(query).isEqualTo(new NotificationQuery("Noura@Example.com", NotificationStatus.FAILED,
                MailKind.PASSWORD_RESET, Instant.parse("2026-11-24T21:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"),
                50, cursor));
    }

    @Test
    void noFiltersMeansEverythingTwentyAtATime() {
        assertThat(NotificationQuery.parse(null, "", null, null, null, null, null))
                .isEqualTo(new NotificationQuery(null, null, null, null, null, 20, null));
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertRefused("status", () -> NotificationQuery.parse(null, "delivered", null, null, null, null, null));
        assertRefused("kind", () -> NotificationQuery.parse(null, null, "newsletter", null, null, null, null));
        assertRefused("created_from", () -> NotificationQuery.parse(null, null, null, "yesterday", null, null, null));
        assertRefused("created_to", () -> NotificationQuery.parse(null, null, null, null, "2026-11-26", null, null));
        assertRefused("created_from", () -> NotificationQuery.parse(null, null, null,
                "2026-11-26T00:00:00Z", "2026-11-25T00:00:00Z", null, null));
        assertRefused("limit", () -> NotificationQuery.parse(null, null, null, null, null, "0", null));
        assertRefused("limit", () -> NotificationQuery.parse(null, null, null, null, null, "101", null));
        assertRefused("limit", () -> NotificationQuery.parse(null, null, null, null, null, "ten", null));
        assertThatThrownBy(() -> NotificationQuery.parse(null, null, null, null, null, null, "not-a-cursor"))
                .isInstanceOfSatisfying(ApiProblem.class, refusal -> {
                    assertThat(refusal.errorCode()).isEqualTo("invalid_cursor");
                    assertThat(refusal.data()).containsEntry("field", "cursor");
                });
        assertRefused("recipient", () -> NotificationQuery.parse("x".repeat(321), null, null, null, null, null, null));
    }

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    private static void assertRefused(String parameter, Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.errorCode()).isEqualTo("invalid_parameter");
            assertThat(problem.data()).containsEntry("parameter", parameter);
        });
    }
}
