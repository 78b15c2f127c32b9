package com.partnersportal.settlement.report;

import com.partnersportal.kit.problem.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Query parameters read strictly: a malformed one is a 400 problem naming the field, never ignored. */
final class QueryParameters {

    static final int MAX_PAGE = 200;

    private QueryParameters() {
    }

    static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " must be a UUID.");
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date (YYYY-MM-DD).");
        }
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        return limit;
    }

    static void ordered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("from", "from must not be after to.");
        }
    }

    static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }
}
