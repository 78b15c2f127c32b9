package com.partnersportal.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static final Instant AT = Instant.parse("2026-11-30T21:15:03.123456789Z");
    private static final UUID ID = UUID.fromString("0b0f4c9e-3c61-4c55-9d5f-1f4c5e1a2b3c");

    @Test
    void aCursorGivesBackTheKeysItWasMadeOf() {
        String cursor = PageCursor.encode("orders", AT, ID);
        PageCursor decoded = PageCursor.decode("orders", cursor);
        assertThat(decoded.instant(0)).isEqualTo(AT);
        assertThat(decoded.uuid(1)).isEqualTo(ID);
        assertThat(cursor).matches("[A-Za-z0-9_.-]+");
        assertThat(PageCursor.decode("users", PageCursor.encode("users", "a.b|c@example.com")).text(0))
                .isEqualTo("a.b|c@example.com");
        assertThat(PageCursor.decode("lines", PageCursor.encode("lines", AT, 42L)).number(1)).isEqualTo(42L);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(PageCursor.decode("orders", null)).isNull();
        assertThat(PageCursor.decode("orders", " ")).isNull();
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"\u0000\u00ff", "%00%ff", "x", "....", "a.b.c",
                Base64.getUrlEncoder().encodeToString("1700000000:0:not-a-uuid".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}) + ".x.y",
                "Y1.b3JkZXJz." + "A".repeat(3000), "\ud800"}) {
            refused(() -> PageCursor.decode("orders", garbage));
        }
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        refused(() -> PageCursor.decode("webhook-messages", PageCursor.encode("orders", AT, ID)));
    }

    @Test
    void aChangedOrCutCursorIsRefused() {
        String cursor = PageCursor.encode("orders", AT, ID);
        String[] parts = cursor.split("\\.");
        String otherTime = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2020-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        refused(() -> PageCursor.decode("orders", String.join(".", parts[0], parts[1], otherTime, parts[3], parts[4])));
        refused(() -> PageCursor.decode("orders", cursor.substring(0, cursor.length() - 1)));
        refused(() -> PageCursor.decode("orders", String.join(".", parts[0], parts[1], parts[2], parts[4])));
        char last = cursor.charAt(cursor.length() - 1);
        refused(() -> PageCursor.decode("orders", cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A')));
    }

    @Test
    void keysOfTheWrongKindAreRefused() {
        PageCursor cursor = PageCursor.decode("orders", PageCursor.encode("orders", "yesterday", "someone"));
        refused(() -> cursor.instant(0));
        refused(() -> cursor.uuid(1));
        refused(() -> cursor.number(0));
        refused(() -> cursor.text(2));
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, refusal -> {
            assertThat(refusal.errorCode()).isEqualTo("invalid_cursor");
            assertThat(refusal.status().value()).isEqualTo(400);
            assertThat(refusal.data()).containsEntry("field", "cursor");
        });
    }
}
