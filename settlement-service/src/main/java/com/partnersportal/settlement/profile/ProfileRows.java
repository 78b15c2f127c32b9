package com.partnersportal.settlement.profile;

import com.partnersportal.settlement.period.Cycle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** Reads {@code settlement_profile} rows. */
final class ProfileRows implements RowMapper<SettlementProfile> {

    static final ProfileRows INSTANCE = new ProfileRows();

    @Override
    public SettlementProfile mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new SettlementProfile(
                rs.getObject("legal_entity_id", UUID.class),
                rs.getObject("merchant_id", UUID.class),
                rs.getBoolean("registered"),
                rs.getString("legal_name_en"),
                rs.getString("legal_name_ar"),
                rs.getString("country_code"),
                rs.getString("currency"),
                rs.getString("commercial_registration"),
                rs.getString("vat_number"),
                rs.getString("address"),
                ZoneId.of(rs.getString("time_zone")),
                Cycle.valueOf(rs.getString("cycle")),
                new BankAccount(rs.getString("iban"), rs.getString("bank_name"), rs.getString("account_holder")),
                rs.getTimestamp("period_start").toInstant(),
                rs.getTimestamp("period_end").toInstant(),
                rs.getTimestamp("invoice_from").toInstant(),
                rs.getTimestamp("invoice_month_end").toInstant());
    }
}
