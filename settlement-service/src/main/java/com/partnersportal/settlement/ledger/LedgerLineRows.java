package com.partnersportal.settlement.ledger;

import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** Reads {@code ledger_line} rows, amounts back at their currency's scale. */
public final class LedgerLineRows implements RowMapper<LedgerLine> {

    public static final LedgerLineRows INSTANCE = new LedgerLineRows();

    @Override
    public LedgerLine mapRow(ResultSet rs, int rowNum) throws SQLException {
        int scale = Currency.valueOf(rs.getString("currency")).scale();
        return new LedgerLine(
                rs.getLong("id"),
                rs.getObject("legal_entity_id", UUID.class),
                rs.getString("currency"),
                LineKind.valueOf(rs.getString("kind")),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_reference_id"),
                rs.getString("order_number"),
                rs.getObject("operation_id", UUID.class),
                rs.getObject("capture_id", UUID.class),
                rs.getString("merchant_refund_id"),
                rs.getTimestamp("event_time").toInstant(),
                rs.getTimestamp("settle_at").toInstant(),
                money(rs, "amount", scale),
                money(rs, "gross", scale),
                rate(rs, "fee_rate"),
                money(rs, "percentage_fee", scale),
                money(rs, "fixed_fee", scale),
                money(rs, "fee", scale),
                rate(rs, "vat_rate"),
                money(rs, "vat", scale),
                money(rs, "net", scale));
    }

    /** A percentage without trailing zeros, never in exponent notation: 2.5, 15. */
    static BigDecimal rate(ResultSet rs, String column) throws SQLException {
        BigDecimal rate = rs.getBigDecimal(column).stripTrailingZeros();
        return rate.scale() < 0 ? rate.setScale(0) : rate;
    }

    private static BigDecimal money(ResultSet rs, String column, int scale) throws SQLException {
        return rs.getBigDecimal(column).setScale(scale, RoundingMode.UNNECESSARY);
    }
}
