package com.partnersportal.kit.jdbc;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps rows to a record by its components' snake_case column names ({@code legalEntityId} from
 * {@code legal_entity_id}), as {@code JdbcClient.query(Record.class)} does, without its first guess: that mapper
 * looks every camelCase component up by its lower-cased name first, and PostgreSQL's driver answers each miss with
 * an exception and its stack trace (one per such component per row) before the snake_case name is tried.
 */
public final class SnakeCaseRecords<T> extends DataClassRowMapper<T> {

    private SnakeCaseRecords(Class<T> type) {
        super(type);
    }

    /** A mapper to keep and reuse: it reads the record's constructor once. */
    public static <T extends Record> RowMapper<T> of(Class<T> type) {
        return new SnakeCaseRecords<>(type);
    }

    @Override
    protected String lowerCaseName(String name) {
        return underscoreName(name);
    }
}
