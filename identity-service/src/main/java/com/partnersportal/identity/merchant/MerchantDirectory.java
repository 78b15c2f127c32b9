package com.partnersportal.identity.merchant;

import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists merchants for operators, newest first, a page at a time (keyset: the last merchant's time and id). */
@Component
class MerchantDirectory {

    static final int DEFAULT_LIMIT = 50;
    private static final String LIST = "merchants";
    static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;

    MerchantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<Merchant> merchants, String nextCursor) {
    }

    @Transactional(readOnly = true)
    Page list(String search, String cursor, Integer requestedLimit) {
        int limit = requestedLimit == null ? DEFAULT_LIMIT : requestedLimit;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_limit",
                    "limit must be between 1 and %d.".formatted(MAX_LIMIT), Map.of("max", MAX_LIMIT));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM merchant WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            sql.append(" AND (lower(name_en) LIKE :search ESCAPE '\\' OR name_ar LIKE :search ESCAPE '\\')");
            params.put("search", "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        PageCursor after = PageCursor.decode(LIST, cursor);
        if (after != null) {
            sql.append(" AND (created_at, id) < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(after.instant(0)));
            params.put("afterId", after.uuid(1));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit + 1);
        List<Merchant> merchants = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Merchant(rs.getObject("id", UUID.class), rs.getString("name_en"),
                        rs.getString("name_ar"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version")))
                .list());
        String next = null;
        if (merchants.size() > limit) {
            merchants = merchants.subList(0, limit);
            Merchant last = merchants.getLast();
            next = PageCursor.encode(LIST, last.createdAt(), last.id());
        }
        return new Page(merchants, next);
    }
}
