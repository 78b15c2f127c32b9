package com.partnersportal.orders.export;

import com.partnersportal.kit.csv.CsvCells;
import com.partnersportal.types.Currency;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.stereotype.Component;

/**
 * Writes orders as CSV a spreadsheet opens safely: UTF-8 with a byte order mark (so Excel shows Arabic names),
 * amounts at their currency's scale, times in the merchant's time zone, and every cell that a spreadsheet would
 * read as a formula ({@code = + - @}, tab, carriage return) prefixed with an apostrophe. PostgreSQL renders the
 * CSV itself ({@code COPY (SELECT ...) TO STDOUT}, formulas neutralised in the SELECT) and the bytes are copied
 * to the file as they come: the JVM does next to nothing per row and holds no rows.
 */
@Component
class OrderCsv {

    static final String[] HEADER = {"order_id", "order_reference_id", "order_number", "created_at", "updated_at",
            "status", "legal_entity_id", "country_code", "currency", "total_amount", "captured_amount",
            "refunded_amount", "canceled_amount", "tax_amount", "shipping_amount", "discount_amount", "payment_type",
            "instalments", "consumer_first_name", "consumer_last_name", "consumer_email", "consumer_phone_number"};

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final String SCALE = Arrays.stream(Currency.values())
            .map(currency -> "WHEN '" + currency.name() + "' THEN " + currency.scale())
            .collect(Collectors.joining(" ", "CASE currency ", " END"));
    /** Columns in {@link #HEADER}'s order; the session's time zone is the export's while it runs. */
    private static final String COLUMNS = String.join(", ",
            "id AS order_id", safe("order_reference_id"), safe("order_number"), time("created_at"), time("updated_at"),
            "lower(status) AS status", "legal_entity_id", "country_code", "currency", amount("total_amount"),
            amount("captured_amount"), amount("refunded_amount"), amount("canceled_amount"), amount("tax_amount"),
            amount("shipping_amount"), amount("discount_amount"), safe("payment_type"), "instalments",
            safe("consumer_first_name"), safe("consumer_last_name"), safe("consumer_email"),
            safe("consumer_phone_number"));

    private final DataSource dataSource;

    OrderCsv(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Copies the orders matching {@code condition} (a WHERE clause with literal values, scoped by merchant), oldest
     * first, to {@code out}; reports rows written now and then to {@code progress}. Returns the rows written.
     */
    long write(String condition, ZoneId zone, OutputStream out, LongConsumer progress) throws IOException {
        out.write(BYTE_ORDER_MARK);
        String sql = "COPY (SELECT " + COLUMNS + " FROM orders WHERE " + condition
                + " ORDER BY created_at, id) TO STDOUT WITH (FORMAT csv, HEADER)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                connection.setReadOnly(true);
                try (PreparedStatement timeZone = connection.prepareStatement("SELECT set_config('TimeZone', ?, true)")) {
                    timeZone.setString(1, zone.getId());
                    timeZone.execute();
                }
                long rows = copy(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql), out, progress);
                connection.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("order export COPY failed: " + e.getMessage(), e);
        }
    }

    /** Neutralises a cell a spreadsheet would otherwise evaluate (CSV/formula injection). */
    private static String safe(String column) {
        return CsvCells.sqlGuard(column) + " AS " + column;
    }

    private static String amount(String column) {
        return "round(%1$s, %2$s) AS %1$s".formatted(column, SCALE);
    }

    private static String time(String column) {
        return "to_char(%1$s, 'YYYY-MM-DD\"T\"HH24:MI:SS.USTZH:TZM') AS %1$s".formatted(column);
    }

    /**
     * Copies COPY's rows to {@code out} as they come: the driver hands over one row per message, so counting the
     * messages counts the rows (the header is the first). Progress is reported at most every
     * {@link #PROGRESS_EVERY}: each report is a committed write, and one every few thousand rows stalled the stream.
     */
    private long copy(CopyOut copy, OutputStream out, LongConsumer progress) throws SQLException, IOException {
        try {
            long messages = 0;
            long reportAt = System.nanoTime() + PROGRESS_EVERY.toNanos();
            byte[] row;
            while ((row = copy.readFromCopy()) != null) {
                out.write(row);
                if ((++messages & 1023) == 0 && System.nanoTime() - reportAt >= 0) {
                    progress.accept(messages - 1);
                    reportAt = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
            }
            return copy.getHandledRowCount();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
