package com.partnersportal.kit.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Content Too Large","status":413,\
                    "detail":"The request body is larger than %1$d bytes.","message":"The request body is larger than %1$d bytes.",\
                    "errors":[{"error_code":"request_body_too_large","data":{"max_bytes":%1$d}}]}"""
                    .formatted(limit.toBytes()));
            return;
        }
        chain.doFilter(request, response);
    }
}
