package com.partnersportal.orders.search;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.core.Utils;

/**
 * The WHERE clause of an order list or export: always the caller's merchant (and the legal entities a user is
 * limited to) first, then the filter. Values travel as bind parameters, never in the SQL text.
 */
final class OrderQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    OrderQuery(UUID merchantId, Set<UUID> allowedEntities, OrderFilter filter) {
        add("merchant_id = :merchantId", "merchantId", merchantId);
        if (!allowedEntities.isEmpty()) {
            add("legal_entity_id IN (:allowedEntities)", "allowedEntities", List.copyOf(allowedEntities));
        }
        if (!filter.statuses().isEmpty()) {
            add("status IN (:statuses)", "statuses", filter.statuses().stream().map(Enum::name).collect(Collectors.toList()));
        } else if (!filter.includeHidden()) {
            conditions.add("status NOT IN ('DECLINED', 'EXPIRED')");
        }
        addIf(filter.createdFrom() != null, "created_at >= :createdFrom", "createdFrom", timestamp(filter.createdFrom()));
        addIf(filter.createdTo() != null, "created_at < :createdTo", "createdTo", timestamp(filter.createdTo()));
        addIf(filter.updatedFrom() != null, "updated_at >= :updatedFrom", "updatedFrom", timestamp(filter.updatedFrom()));
        addIf(filter.updatedTo() != null, "updated_at < :updatedTo", "updatedTo", timestamp(filter.updatedTo()));
        addIf(filter.amountMin() != null, "total_amount >= :amountMin", "amountMin", filter.amountMin());
        addIf(filter.amountMax() != null, "total_amount <= :amountMax", "amountMax", filter.amountMax());
        addIf(filter.currency() != null, "currency = :currency", "currency", filter.currency());
        addIf(filter.countryCode() != null, "country_code = :country", "country", filter.countryCode());
        addIf(filter.legalEntityId() != null, "legal_entity_id = :legalEntityId", "legalEntityId", filter.legalEntityId());
        addIf(filter.paymentType() != null, "payment_type = :paymentType", "paymentType", filter.paymentType());
        if (filter.search() != null) {
            UUID asId = uuidOrNull(filter.search());
            if (asId != null) {
                add("(id = :searchId OR order_reference_id = :search OR order_number = :search)", "searchId", asId);
            } else {
                conditions.add("(order_reference_id = :search OR order_number = :search)");
            }
            parameters.put("search", filter.search());
        }
    }

    /** Newest first; after the cursor's row when there is one. */
    OrderQuery after(Cursor cursor) {
        if (cursor != null) {
            add("(created_at, id) < (:cursorAt, :cursorId)", "cursorAt", Timestamp.from(cursor.createdAt()));
            parameters.put("cursorId", cursor.id());
        }
        return this;
    }

    String where() {
        return String.join(" AND ", conditions);
    }

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    /**
     * The same WHERE clause with each value written as an escaped, typed literal, for statements that take no bind
     * parameters (COPY). Values are UUIDs, instants, numbers, status names or text escaped by the driver.
     */
    String whereWithLiterals() {
        return PARAMETER.matcher(where()).replaceAll(match -> Matcher.quoteReplacement(literal(parameters.get(match.group(1)))));
    }

    private static String literal(Object value) {
        return switch (value) {
            case UUID id -> "'" + id + "'::uuid";
            case Timestamp time -> "'" + time.toInstant() + "'::timestamptz";
            case BigDecimal number -> "'" + number.toPlainString() + "'::numeric";
            case Collection<?> values -> values.stream().map(OrderQuery::literal).collect(Collectors.joining(", "));
            case String text -> quoted(text);
            default -> throw new IllegalArgumentException("no literal for " + value.getClass());
        };
    }

    private static String quoted(String text) {
        try {
            return Utils.escapeLiteral(new StringBuilder("'"), text, true).append('\'').toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("text not allowed in SQL", e);
        }
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }

    private void addIf(boolean present, String condition, String name, Object value) {
        if (present) {
            add(condition, name, value);
        }
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
