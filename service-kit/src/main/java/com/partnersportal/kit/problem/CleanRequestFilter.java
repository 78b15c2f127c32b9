package com.partnersportal.kit.problem;

import com.partnersportal.kit.json.CleanText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller sees it, a request whose path, query parameters or headers hold text the platform
 * refuses everywhere ({@link CleanText}: NUL and other control characters, unpaired surrogates, noncharacters) or a
 * percent-encoding that is not UTF-8: a 400 problem naming the part, instead of a database error later.
 */
public class CleanRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusedPart(request);
        if (refused != null) {
            ProblemBodies.write(response, new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_request_text",
                    "The request's %s holds characters that are not allowed.".formatted(refused), Map.of("part", refused)));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String refusedPart(HttpServletRequest request) {
        if (!decodesCleanly(request.getRequestURI())) {
            return "path";
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!decodesCleanly(name) || (equals >= 0 && !decodesCleanly(pair.substring(equals + 1)))) {
                    return "query parameter " + (CleanText.isClean(name) && name.length() <= 64 ? name : "");
                }
            }
        }
        for (String header : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(header))) {
                if (!CleanText.isClean(value)) {
                    return "header " + header;
                }
            }
        }
        return null;
    }

    /** True when the percent-encoded text is valid UTF-8 and clean once decoded. */
    private static boolean decodesCleanly(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return CleanText.isClean(encoded);
        }
        try {
            byte[] bytes = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
            String decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return CleanText.isClean(decoded);
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
