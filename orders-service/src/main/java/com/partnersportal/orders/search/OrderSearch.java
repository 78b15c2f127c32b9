package com.partnersportal.orders.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Lists a merchant's orders a page at a time, or streams every matching order without holding them in memory. */
@Repository
public class OrderSearch {

    /** Rows the database hands over per round trip while streaming. */
    private static final int FETCH_SIZE = 2_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    OrderSearch(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
        this.jdbc = jdbc;
        NamedParameterJdbcTemplate fetching = new NamedParameterJdbcTemplate(template.getJdbcTemplate().getDataSource());
        fetching.getJdbcTemplate().setFetchSize(FETCH_SIZE);
        this.streaming = fetching;
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
                .query(OrderSummary.class)
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<OrderSummary> page = rows.subList(0, limit);
        OrderSummary last = page.getLast();
        return new Page(List.copyOf(page), new Cursor(last.createdAt(), last.id()).encode());
    }

    /**
     * Hands every matching order to {@code each}, oldest first, through a server-side cursor: PostgreSQL sends
     * {@value #FETCH_SIZE} rows at a time inside this (read-only) transaction, so memory stays flat whatever the
     * count.
     */
    @Transactional(readOnly = true)
    public void stream(UUID merchantId, OrderFilter filter, Consumer<OrderSummary> each) {
        OrderQuery query = new OrderQuery(merchantId, Set.of(), filter);
        var mapper = new org.springframework.jdbc.core.DataClassRowMapper<>(OrderSummary.class);
        streaming.query("SELECT " + OrderSummary.COLUMNS + " FROM orders WHERE " + query.where()
                        + " ORDER BY created_at, id", query.parameters(),
                (java.sql.ResultSet row) -> {
                    each.accept(mapper.mapRow(row, row.getRow()));
                });
    }
}
