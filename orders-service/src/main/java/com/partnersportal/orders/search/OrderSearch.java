package com.partnersportal.orders.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Lists a merchant's orders a page at a time, or gives the condition an export of them copies by. */
@Repository
public class OrderSearch {

    private final JdbcClient jdbc;

    OrderSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<OrderSummary> orders, String nextCursor) {
    }

    @Transactional(readOnly = true)
    public Page page(UUID merchantId, Set<UUID> allowedEntities, OrderFilter filter, Cursor after, int limit) {
        OrderQuery query = new OrderQuery(merchantId, allowedEntities, filter).after(after);
        List<OrderSummary> rows = jdbc.sql("SELECT " + OrderSummary.COLUMNS + " FROM orders WHERE " + query.where()
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(query.parameters())
                .param("limit", limit + 1)
                .query(OrderSummary.ROWS)
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<OrderSummary> page = rows.subList(0, limit);
        OrderSummary last = page.getLast();
        return new Page(List.copyOf(page), new Cursor(last.createdAt(), last.id()).encode());
    }

    /**
     * The WHERE clause of an export of the merchant's orders matching {@code filter}, with its values as literals
     * (for {@code COPY}, which takes no bind parameters); always scoped by the merchant first.
     */
    public String exportCondition(UUID merchantId, OrderFilter filter) {
        return new OrderQuery(merchantId, Set.of(), filter).whereWithLiterals();
    }
}
