package com.partnersportal.kit.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller sees it, a request whose path, query parameters or headers hold text the platform
 * refuses everywhere ({@link RequestText}): a 400 problem naming the part, instead of a database error later.
 */
public class CleanRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Map.Entry<String, List<String>>> headers = Collections.list(request.getHeaderNames()).stream()
                .map(name -> Map.entry(name, (List<String>) Collections.list(request.getHeaders(name))))
                .toList();
        String refused = RequestText.refusedPart(request.getRequestURI(), request.getQueryString(), headers);
        if (refused != null) {
            ProblemBodies.write(response, RequestText.refusal(refused));
            return;
        }
        chain.doFilter(request, response);
    }
}
