package com.partnersportal.kit.secrets;

import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites the secrets of one column that a previous key or the previous format sealed, with the current key and
 * format, so the previous key (and the legacy reader) can go. Each row is rewritten only if it still holds what was
 * read, so replicas starting together do no harm. A service runs it at start for each column of secrets it keeps.
 */
public final class SecretReEncryption {

    private static final Logger log = LoggerFactory.getLogger(SecretReEncryption.class);

    private SecretReEncryption() {
    }

    /**
     * A column of secrets: its table, the column naming the row, the column holding the secret, and what each row's
     * secret is bound to. Names come from the service's code, never from input.
     */
    public record SecretColumn(String table, String idColumn, String column, Function<Object, String> boundTo) {
    }

    /** How many secrets were rewritten, and how many no configured key opens (their owner cannot use them). */
    public record Outcome(int rewritten, int unreadable) {
    }

    private record Stored(Object id, byte[] secret) {
    }

    /**
     * {@link #rewriteStale} for each column, logged: what was rewritten at INFO, secrets no configured key opens at
     * ERROR with {@code whenUnreadable} (what that costs and how to mend it) after the standard explanation.
     */
    public static void rewriteStaleAndLog(JdbcClient jdbc, SecretEncryption encryption, List<SecretColumn> columns,
            String whenUnreadable) {
        for (SecretColumn secrets : columns) {
            Outcome outcome = rewriteStale(jdbc, encryption, secrets);
            if (outcome.unreadable() > 0) {
                log.error("{} secret(s) in {}.{} cannot be decrypted with the configured encryption keys: {}",
                        outcome.unreadable(), secrets.table(), secrets.column(), whenUnreadable);
            }
            if (outcome.rewritten() > 0) {
                log.info("Re-encrypted {} secret(s) in {}.{} with the current key", outcome.rewritten(), secrets.table(),
                        secrets.column());
            }
        }
    }

    public static Outcome rewriteStale(JdbcClient jdbc, SecretEncryption encryption, SecretColumn secrets) {
        List<Stored> rows = jdbc.sql("SELECT %s AS id, %s AS secret FROM %s WHERE %s IS NOT NULL"
                        .formatted(secrets.idColumn(), secrets.column(), secrets.table(), secrets.column()))
                .query((rs, n) -> new Stored(rs.getObject("id"), rs.getBytes("secret"))).list();
        int rewritten = 0;
        int unreadable = 0;
        for (Stored row : rows) {
            String boundTo = secrets.boundTo().apply(row.id());
            SecretEncryption.Opened opened;
            try {
                opened = encryption.open(row.secret(), boundTo);
            } catch (IllegalStateException e) {
                unreadable++;
                continue;
            }
            if (!opened.current()) {
                rewritten += jdbc.sql("UPDATE %s SET %s = :fresh WHERE %s = :id AND %s = :old"
                                .formatted(secrets.table(), secrets.column(), secrets.idColumn(), secrets.column()))
                        .param("fresh", encryption.encrypt(opened.plaintext(), boundTo))
                        .param("id", row.id()).param("old", row.secret()).update();
            }
        }
        return new Outcome(rewritten, unreadable);
    }
}
