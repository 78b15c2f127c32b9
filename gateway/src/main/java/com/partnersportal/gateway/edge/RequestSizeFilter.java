package com.partnersportal.gateway.edge;

import com.partnersportal.gateway.problem.ProblemResponses;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, before anything is read or sent on, a request larger than the services take: headers over
 * {@code portal.http.max-header-size} (16 KB, the services' limit) with a 431 problem, a body declared larger than
 * {@code portal.http.max-body-size} (1 MB) with a 413 problem, closing the connection rather than draining it. Netty's
 * own header limit ({@code server.max-http-request-header-size}) is set well above, so that this one, which answers
 * in problem details, is the one callers meet. A body sent without a length is streamed to the service, whose own
 * limit refuses it.
 */
public class RequestSizeFilter implements WebFilter {

    private final DataSize maxHeaders;
    private final DataSize maxBody;

    public RequestSizeFilter(DataSize maxHeaders, DataSize maxBody) {
        this.maxHeaders = maxHeaders;
        this.maxBody = maxBody;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headerBytes(headers) > maxHeaders.toBytes()) {
            return ProblemResponses.write(exchange, new ApiProblem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "request_headers_too_large", "The request's headers are larger than %d bytes.".formatted(maxHeaders.toBytes()),
                    Map.of("max_bytes", maxHeaders.toBytes()), Map.of("Connection", "close")));
        }
        if (headers.getContentLength() > maxBody.toBytes()) {
            return ProblemResponses.write(exchange, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "request_body_too_large",
                    "The request body is larger than %d bytes.".formatted(maxBody.toBytes()),
                    Map.of("max_bytes", maxBody.toBytes()), Map.of("Connection", "close")));
        }
        return chain.filter(exchange);
    }

    /** Names and values as sent, each line with its ": " and line end. */
    private static long headerBytes(HttpHeaders headers) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }
}
