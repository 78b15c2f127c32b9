package com.partnersportal.identity.user;

import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists a merchant's team by email, a page at a time (keyset: the cursor is the last email seen). */
@Component
class UserDirectory {

    static final int DEFAULT_LIMIT = 50;
    private static final String LIST = "users";
    static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final UserRepository users;

    UserDirectory(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    record Filter(UserStatus status, String roleId, String search) {
    }

    record Page(List<User> users, String nextCursor) {
    }

    @Transactional(readOnly = true)
    Page list(UUID merchantId, Filter filter, String cursor, Integer requestedLimit) {
        int limit = requestedLimit == null ? DEFAULT_LIMIT : requestedLimit;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_limit",
                    "limit must be between 1 and %d.".formatted(MAX_LIMIT), Map.of("max", MAX_LIMIT));
        }
        StringBuilder sql = new StringBuilder("SELECT id, lower(email) COLLATE \"C\" AS sort_key FROM app_user WHERE merchant_id = :merchantId");
        Map<String, Object> params = new HashMap<>();
        params.put("merchantId", merchantId);
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.roleId() != null) {
            Optional<UUID> custom = customRoleId(filter.roleId());
            if (custom.isPresent()) {
                sql.append(" AND custom_role_id = :customRole");
                params.put("customRole", custom.get());
            } else {
                sql.append(" AND role = :role");
                params.put("role", filter.roleId());
            }
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" AND (lower(email) LIKE :search ESCAPE '\\' OR lower(full_name) LIKE :search ESCAPE '\\')");
            params.put("search", "%" + likeEscaped(filter.search().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        PageCursor after = PageCursor.decode(LIST, cursor);
        if (after != null) {
            sql.append(" AND lower(email) COLLATE \"C\" > :after");
            params.put("after", after.text(0));
        }
        sql.append(" ORDER BY lower(email) COLLATE \"C\" LIMIT :limit");
        params.put("limit", limit + 1);
        record Key(UUID id, String sortKey) {
        }
        List<Key> keys = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Key(rs.getObject("id", UUID.class), rs.getString("sort_key"))).list());
        String next = null;
        if (keys.size() > limit) {
            keys = keys.subList(0, limit);
            next = PageCursor.encode(LIST, keys.getLast().sortKey());
        }
        return new Page(keys.stream().map(key -> users.findById(key.id()).orElseThrow()).toList(), next);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Optional<UUID> customRoleId(String roleId) {
        try {
            return Optional.of(UUID.fromString(roleId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
