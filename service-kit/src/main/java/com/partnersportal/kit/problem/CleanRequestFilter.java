package com.partnersportal.kit.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller sees it, a request whose path, query parameters or headers hold text the platform
 * refuses everywhere ({@link RequestText}): a 400 problem naming the part, instead of a database error later.
 */
public class CleanRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = RequestText.refusedPart(request.getRequestURI(), request.getQueryString());
        for (Enumeration<String> names = request.getHeaderNames(); refused == null && names.hasMoreElements(); ) {
            String name = names.nextElement();
            refused = RequestText.refusedHeader(name, Collections.list(request.getHeaders(name)));
        }
        if (refused != null) {
            ProblemBodies.write(response, RequestText.refusal(refused));
            return;
        }
        chain.doFilter(request, response);
    }
}
