package com.partnersportal.kit.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code portal.http.max-body-size} (1 MB by default) with a 413
 * problem before anything reads it. Bodies without a declared length are refused by the servlet
 * container's own limit ({@code server.tomcat.max-swallow-size}) and JSON parsing stops at the first
 * malformed byte.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    public RequestBodyLimitFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            ProblemBodies.write(response, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "request_body_too_large",
                    "The request body is larger than %d bytes.".formatted(limit.toBytes()),
                    Map.of("max_bytes", limit.toBytes()), Map.of("Connection", "close")));
            return;
        }
        chain.doFilter(request, response);
    }
}
