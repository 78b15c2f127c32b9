package com.partnersportal.orders.merchant;

import com.partnersportal.kit.problem.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The merchant on whose behalf a request is made. Every query is scoped by it, never by an id in the
 * request body.
 *
 * <p>Walking skeleton: the merchant arrives in the {@value #HEADER} header. The gateway (issue 5) sets
 * it after validating the caller's token, and this service will then validate the token itself.
 */
public record CallingMerchant(UUID id) {

    public static final String HEADER = "X-Merchant-Id";

    public static CallingMerchant fromHeader(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "The caller's merchant is not known.");
        }
        try {
            return new CallingMerchant(UUID.fromString(header.trim()));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "The caller's merchant is not known.");
        }
    }
}
