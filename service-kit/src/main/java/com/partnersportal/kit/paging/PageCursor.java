package com.partnersportal.kit.paging;

import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The one cursor codec of every paged list: where a page ended (the last row's sort keys), opaque to callers.
 * Encoded as base64url parts joined by dots: the format version, the list's name, each key, and a check over them
 * all. Anything a list did not hand out (garbage, a cursor of another list, a changed key, a cut-off cursor) is a 400
 * problem {@code invalid_cursor} naming the {@code cursor} field. The check catches changes, it is not a secret:
 * a cursor only says where to resume, every query stays scoped by the caller's merchant.
 */
public final class PageCursor {

    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far beyond any real cursor: keys are instants, ids and an email. */
    private static final int LONGEST = 2_048;

    private final String list;
    private final List<String> keys;

    private PageCursor(String list, List<String> keys) {
        this.list = list;
        this.keys = keys;
    }

    /** The cursor of {@code list} that resumes after a row with these sort keys (instants, ids, text). */
    public static String encode(String list, Object... keys) {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(list);
        Arrays.stream(keys).map(String::valueOf).forEach(parts::add);
        StringBuilder cursor = new StringBuilder();
        for (String part : parts) {
            cursor.append(ENCODER.encodeToString(part.getBytes(StandardCharsets.UTF_8))).append('.');
        }
        return cursor.append(check(parts)).toString();
    }

    /** The keys of a cursor {@code list} handed out; null when none was sent (the first page). */
    public static PageCursor decode(String list, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > LONGEST) {
            throw invalid();
        }
        String[] encoded = cursor.trim().split("\\.", -1);
        if (encoded.length < 3) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>();
        try {
            for (int i = 0; i < encoded.length - 1; i++) {
                parts.add(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(DECODER.decode(encoded[i])))
                        .toString());
            }
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw invalid();
        }
        if (!VERSION.equals(parts.get(0)) || !list.equals(parts.get(1))
                || !MessageDigest.isEqual(check(parts).getBytes(StandardCharsets.US_ASCII),
                        encoded[encoded.length - 1].getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        return new PageCursor(list, List.copyOf(parts.subList(2, parts.size())));
    }

    public String text(int index) {
        if (index >= keys.size()) {
            throw invalid();
        }
        return keys.get(index);
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(text(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(text(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(text(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    @Override
    public String toString() {
        return list + keys;
    }

    private static String check(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ENCODER.encodeToString(Arrays.copyOf(sha.digest(), 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "cursor is not one this list handed out; pass next_cursor from the previous page as it is.",
                Map.of("field", "cursor"));
    }
}
