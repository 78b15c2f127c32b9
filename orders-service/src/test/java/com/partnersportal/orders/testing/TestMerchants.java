package com.partnersportal.orders.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merchants as orders-service knows them: a legal entity in each Gulf country (as identity's events bring them). */
public final class TestMerchants {

    private static final Map<String, String> CURRENCIES = Map.of(
            "SA", "SAR", "AE", "AED", "QA", "QAR", "KW", "KWD", "BH", "BHD", "OM", "OMR");

    private TestMerchants() {
    }

    public static UUID register(JdbcClient jdbc) {
        UUID merchant = UUID.randomUUID();
        CURRENCIES.forEach((country, currency) -> jdbc.sql("""
                        INSERT INTO legal_entity (id, merchant_id, legal_name_en, country_code, currency, time_zone, updated_at)
                        VALUES (:id, :merchant, :name, :country, :currency, 'Asia/Riyadh', :at)""")
                .param("id", UUID.randomUUID())
                .param("merchant", merchant)
                .param("name", "Test Trading " + country)
                .param("country", country)
                .param("currency", currency)
                .param("at", Timestamp.from(Instant.now()))
                .update());
        return merchant;
    }

    public static UUID entityIn(JdbcClient jdbc, UUID merchant, String country) {
        return jdbc.sql("SELECT id FROM legal_entity WHERE merchant_id = :merchant AND country_code = :country")
                .param("merchant", merchant).param("country", country).query(UUID.class).single();
    }
}
