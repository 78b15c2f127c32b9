package com.partnersportal.orders.merchant;

import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.kit.problem.ApiProblem;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which legal entity sells an order: the merchant's entity registered in the order's country. */
@Service
public class LegalEntities {

    private final LegalEntityRepository entities;
    private final JdbcClient jdbc;

    LegalEntities(LegalEntityRepository entities, JdbcClient jdbc) {
        this.entities = entities;
        this.jdbc = jdbc;
    }

    public LegalEntity sellingIn(UUID merchantId, String countryCode) {
        return entities.findFirstByMerchantIdAndCountryCodeOrderByUpdatedAtDesc(merchantId, countryCode)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "country_not_enabled",
                        "The merchant has no legal entity registered in %s; ask Tamara to enable it.".formatted(countryCode),
                        Map.of("country_code", countryCode)));
    }

    /** Inserts or updates the copy; a redelivered or older registration changes nothing newer. */
    public void remember(LegalEntityRegistered entity) {
        jdbc.sql("""
                        INSERT INTO legal_entity (id, merchant_id, legal_name_en, country_code, currency, time_zone, updated_at)
                        VALUES (:id, :merchantId, :name, :country, :currency, :timeZone, :at)
                        ON CONFLICT (id) DO UPDATE SET legal_name_en = excluded.legal_name_en,
                            country_code = excluded.country_code, currency = excluded.currency,
                            time_zone = excluded.time_zone, updated_at = excluded.updated_at
                        WHERE legal_entity.updated_at <= excluded.updated_at""")
                .param("id", entity.legalEntityId())
                .param("merchantId", entity.merchantId())
                .param("name", entity.legalNameEn())
                .param("country", entity.countryCode())
                .param("currency", entity.currency())
                .param("timeZone", entity.timeZone())
                .param("at", Timestamp.from(entity.occurredAt()))
                .update();
    }
}
