package com.partnersportal.notification.history;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.notification.delivery.NotificationStatus;
import com.partnersportal.notification.mail.MailKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The filters of {@code GET /operator/v1/notifications}, checked: a bad value is a 400 problem naming the parameter.
 *
 * @param createdFrom inclusive
 * @param createdTo   exclusive
 * @param after       the previous page's cursor, or null for the first page
 */
record NotificationQuery(String recipient, NotificationStatus status, MailKind kind, Instant createdFrom,
        Instant createdTo, int limit, Cursor after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static NotificationQuery parse(String recipient, String status, String kind, String createdFrom, String createdTo,
            String limit, String cursor) {
        NotificationQuery query = new NotificationQuery(
                recipient(recipient),
                oneOf("status", status, NotificationStatus::fromCode, NotificationStatus.values(), NotificationStatus::code),
                oneOf("kind", kind, MailKind::fromCode, MailKind.values(), MailKind::code),
                instant("created_from", createdFrom),
                instant("created_to", createdTo),
                limit(limit),
                blank(cursor) ? null : Cursor.decode(cursor.trim()));
        if (query.createdFrom != null && query.createdTo != null && !query.createdFrom.isBefore(query.createdTo)) {
            throw invalid("created_from", "must be before created_to");
        }
        return query;
    }

    private static String recipient(String recipient) {
        if (blank(recipient)) {
            return null;
        }
        if (recipient.length() > 320) {
            throw invalid("recipient", "is longer than a mail address can be");
        }
        return recipient.trim();
    }

    private static <T> T oneOf(String parameter, String value, Function<String, Optional<T>> parse, T[] all,
            Function<T, String> code) {
        if (blank(value)) {
            return null;
        }
        return parse.apply(value.trim()).orElseThrow(() -> invalid(parameter,
                "must be one of " + Arrays.stream(all).map(code).collect(Collectors.joining(", "))));
    }

    private static Instant instant(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "must be a date and time with an offset, such as 2026-11-25T09:00:00Z");
        }
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ApiProblem invalid(String parameter, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_parameter", parameter + " " + reason + ".",
                Map.of("parameter", parameter, "reason", reason));
    }
}
