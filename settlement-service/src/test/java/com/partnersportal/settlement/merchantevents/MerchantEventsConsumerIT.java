package com.partnersportal.settlement.merchantevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SettlementIntegrationTest
class MerchantEventsConsumerIT extends IdempotentConsumerContract {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String topic() {
        return IdentityTopics.MERCHANT_EVENTS;
    }

    @Override
    protected String eventType() {
        return LegalEntityRegistered.TYPE;
    }

    /** The aggregate is the legal entity here (keyed by it so the contract can find the dead letter). */
    @Override
    protected byte[] payloadFor(UUID entity) {
        return EventJson.write(new LegalEntityRegistered(entity, UUID.randomUUID(), "Gulf Lamps Trading",
                "شركة مصابيح الخليج للتجارة", "BH", "BHD", "CR-77", null, "Manama", "Asia/Bahrain",
                Instant.parse("2026-11-20T10:15:30Z")));
    }

    @Override
    protected long effectsOf(UUID entity) {
        return jdbc.sql("SELECT count(*) FROM settlement_profile WHERE legal_entity_id = :id AND registered")
                .param("id", entity).query(Long.class).single();
    }

    @Test
    void aLegalEntityBecomesASettlementProfileOnItsCountrysDefaultTerms() {
        UUID entity = UUID.randomUUID();
        publish(entity);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(entity) == 1);
        Map<String, Object> profile = jdbc.sql("SELECT * FROM settlement_profile WHERE legal_entity_id = :id")
                .param("id", entity).query().singleRow();
        assertThat(profile.get("legal_name_ar")).isEqualTo("شركة مصابيح الخليج للتجارة");
        assertThat(profile.get("currency")).isEqualTo("BHD");
        assertThat(profile.get("time_zone")).isEqualTo("Asia/Bahrain");
        assertThat(profile.get("cycle")).isEqualTo("WEEKLY");
        Map<String, Object> fee = jdbc.sql("SELECT * FROM fee_rate WHERE legal_entity_id = :id").param("id", entity)
                .query().singleRow();
        assertThat(fee.get("currency")).isEqualTo("BHD");
        assertThat(fee.get("fixed_amount").toString()).isEqualTo("0.100");
    }
}
