package com.partnersportal.identity.apitoken;

import com.partnersportal.kit.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Where a page of API tokens ended: the last token's creation time and id, opaque to clients. */
record ApiTokenCursor(Instant createdAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static ApiTokenCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new ApiTokenCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not one this list gave out.");
        }
    }
}
