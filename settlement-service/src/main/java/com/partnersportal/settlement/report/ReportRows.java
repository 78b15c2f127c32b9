package com.partnersportal.settlement.report;

import com.partnersportal.settlement.period.Cycle;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** Reads {@code settlement_report} rows, amounts at their currency's scale. */
final class ReportRows implements RowMapper<SettlementReport> {

    static final ReportRows INSTANCE = new ReportRows();

    @Override
    public SettlementReport mapRow(ResultSet rs, int rowNum) throws SQLException {
        int scale = Currency.valueOf(rs.getString("currency")).scale();
        return new SettlementReport(
                rs.getObject("id", UUID.class),
                rs.getString("settlement_reference"),
                rs.getObject("merchant_id", UUID.class),
                rs.getObject("legal_entity_id", UUID.class),
                rs.getString("currency"),
                Cycle.valueOf(rs.getString("cycle")),
                ZoneId.of(rs.getString("time_zone")),
                instant(rs.getTimestamp("period_start")),
                instant(rs.getTimestamp("period_end")),
                date(rs.getDate("first_day")),
                date(rs.getDate("last_day")),
                date(rs.getDate("statement_date")),
                rs.getLong("line_count"),
                money(rs, "total_sales", scale),
                money(rs, "total_refunds", scale),
                money(rs, "total_fees", scale),
                money(rs, "total_vat", scale),
                money(rs, "carried_forward", scale),
                money(rs, "net_payable", scale),
                ReportStatus.valueOf(rs.getString("status")),
                date(rs.getDate("expected_payout_date")),
                rs.getString("payout_reference"),
                instant(rs.getTimestamp("payout_sent_at")),
                instant(rs.getTimestamp("settled_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static BigDecimal money(ResultSet rs, String column, int scale) throws SQLException {
        return rs.getBigDecimal(column).setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
