package com.partnersportal.kit.problem;

import com.partnersportal.kit.json.CleanText;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Which part of a request, if any, holds text the platform refuses everywhere ({@link CleanText}: NUL and other
 * control characters, unpaired surrogates, noncharacters) or a percent-encoding that is not UTF-8. Shared by the
 * services' {@link CleanRequestFilter} and the gateway's WebFlux filter, so both refuse the same requests.
 */
public final class RequestText {

    private RequestText() {
    }

    /**
     * The refused part of the request line ({@code path}, {@code query parameter <name>}), or null when it is clean.
     * Path and query are as sent, still percent-encoded.
     */
    public static String refusedPart(String rawPath, String rawQuery) {
        if (!decodesCleanly(rawPath)) {
            return "path";
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!decodesCleanly(name) || (equals >= 0 && !decodesCleanly(pair.substring(equals + 1)))) {
                    return "query parameter " + (CleanText.isClean(name) && name.length() <= 64 ? name : "");
                }
            }
        }
        return null;
    }

    /** The refused part ({@code header <name>}) when one of the header's values is not clean, else null. */
    public static String refusedHeader(String name, Iterable<String> values) {
        for (String value : values) {
            if (!CleanText.isClean(value)) {
                return "header " + name;
            }
        }
        return null;
    }

    /** The 400 problem for a request whose {@code part} holds refused text. */
    public static ApiProblem refusal(String part) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_request_text",
                "The request's %s holds characters that are not allowed.".formatted(part), Map.of("part", part));
    }

    /** True when the percent-encoded text is valid UTF-8 and clean once decoded. */
    private static boolean decodesCleanly(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return CleanText.isClean(encoded);
        }
        try {
            byte[] bytes = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
            String decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return CleanText.isClean(decoded);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }
}
