package com.partnersportal.orders.search;

import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order list's query parameters, as the portal sends them. Dates are either instants
 * ({@code 2026-11-01T00:00:00Z}) or days ({@code 2026-11-01}) in {@code time_zone} (the merchant's business time
 * zone, Asia/Riyadh by default); a {@code _to} day includes that whole day.
 */
record OrderListParameters(String status, String createdFrom, String createdTo, String updatedFrom, String updatedTo,
        BigDecimal amountMin, BigDecimal amountMax, String currency, String countryCode, UUID legalEntityId,
        String paymentType, String q, Boolean includeHidden, String timeZone) {

    static final String DEFAULT_TIME_ZONE = "Asia/Riyadh";

    /** From the query string, with the portal's snake_case names. */
    static OrderListParameters from(Map<String, String> query) {
        return new OrderListParameters(query.get("status"), query.get("created_from"), query.get("created_to"),
                query.get("updated_from"), query.get("updated_to"), decimal(query, "amount_min"),
                decimal(query, "amount_max"), query.get("currency"), query.get("country_code"),
                uuid(query, "legal_entity_id"), query.get("payment_type"), query.get("q"),
                Boolean.parseBoolean(query.get("include_hidden")), query.get("time_zone"));
    }

    private static BigDecimal decimal(Map<String, String> query, String field) {
        return MoneyReader.parse(field, query.get(field));
    }

    private static UUID uuid(Map<String, String> query, String field) {
        String value = query.get(field);
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be a legal entity id");
        }
    }

    OrderFilter toFilter() {
        ZoneId zone = zone();
        return new OrderFilter(statuses(), from("created_from", createdFrom, zone), to("created_to", createdTo, zone),
                from("updated_from", updatedFrom, zone), to("updated_to", updatedTo, zone), amountMin, amountMax,
                blankToNull(currency), blankToNull(countryCode), legalEntityId, blankToNull(paymentType),
                q == null || q.isBlank() ? null : q.trim(), Boolean.TRUE.equals(includeHidden));
    }

    ZoneId zone() {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone);
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("time_zone", "is not a time zone such as Asia/Riyadh");
        }
    }

    private Set<OrderStatus> statuses() {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(status.split(","))
                .map(String::trim)
                .map(name -> OrderStatus.fromWireName(name)
                        .orElseThrow(() -> ApiProblem.invalidField("status", "has an unknown status " + name)))
                .collect(Collectors.toSet());
    }

    static Instant from(String field, String value, ZoneId zone) {
        return parse(field, value, zone, false);
    }

    static Instant to(String field, String value, ZoneId zone) {
        return parse(field, value, zone, true);
    }

    private static Instant parse(String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
