package com.partnersportal.notification.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a notification's delivery stands. */
public enum NotificationStatus {
    /** Waiting for its first or next attempt, or being sent. */
    PENDING,
    SENT,
    /** Given up: the attempts ran out, or the server refused it for good. */
    FAILED;

    /** As stored and shown: {@code pending}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
