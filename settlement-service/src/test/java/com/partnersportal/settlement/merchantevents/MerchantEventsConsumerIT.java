package com.partnersportal.settlement.merchantevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import java.time.Duration;
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

    /** The merchant's registered legal entities (the sample is keyed by the merchant, as identity publishes it). */
    @Override
    protected long effectsOf(UUID merchant) {
        return jdbc.sql("SELECT count(*) FROM settlement_profile WHERE merchant_id = :id AND registered")
                .param("id", merchant).query(Long.class).single();
    }

    @Test
    void aLegalEntityBecomesASettlementProfileOnItsCountrysDefaultTerms() {
        UUID merchant = UUID.randomUUID();
        SampleEvent bahrain = SampleEvent.of(topic(), eventType()).about(merchant)
                .with("/legal_name_en", "Gulf Lamps Trading").with("/legal_name_ar", "شركة مصابيح الخليج للتجارة")
                .with("/country_code", "BH").with("/currency", "BHD").with("/commercial_registration", "CR-77")
                .with("/vat_number", null).with("/address", "Manama").with("/time_zone", "Asia/Bahrain");
        UUID entity = UUID.fromString(bahrain.text("/legal_entity_id"));
        send(bahrain);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(merchant) == 1);
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
