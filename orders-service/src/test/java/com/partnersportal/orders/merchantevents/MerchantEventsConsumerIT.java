package com.partnersportal.orders.merchantevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.testsupport.IdempotentConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** identity-service's legal entities become the entities through which a merchant sells, country by country. */
@OrdersIntegrationTest
class MerchantEventsConsumerIT extends IdempotentConsumerContract {

    @LocalServerPort
    int port;
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

    /** The merchant's legal entities known here (the sample is keyed by the merchant, as identity publishes it). */
    @Override
    protected long effectsOf(UUID merchant) {
        return jdbc.sql("SELECT count(*) FROM legal_entity WHERE merchant_id = :merchant").param("merchant", merchant)
                .query(Long.class).single();
    }

    @Test
    void aMerchantSellsInACountryOnceItsLegalEntityThereIsRegistered() {
        UUID merchant = UUID.randomUUID();
        OrdersApi api = new OrdersApi(port);
        Orders orders = new Orders(api, merchant);
        OrdersApi.Answer before = api.asMerchant(merchant, HttpMethod.POST, "/checkout",
                CheckoutBodies.order("REF-BEFORE", "SA", "SAR", "300.00"));
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.errorCode()).isEqualTo("country_not_enabled");

        SampleEvent registered = SampleEvent.of(topic(), eventType()).about(merchant);
        send(registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(merchant) == 1);

        UUID order = orders.saudiCheckout("REF-AFTER", "300.00");
        assertThat(jdbc.sql("SELECT legal_entity_id FROM orders WHERE id = :id").param("id", order).query(UUID.class)
                .single()).isEqualTo(UUID.fromString(registered.text("/legal_entity_id")));
    }

    @Test
    void anOlderRegistrationArrivingLateChangesNothingNewer() {
        UUID merchant = UUID.randomUUID();
        SampleEvent newer = SampleEvent.of(topic(), eventType()).about(merchant)
                .with("/legal_name_en", "Desert Rose Trading (renamed)").with("/occurred_at", "2026-12-01T10:00:00Z");
        UUID entity = UUID.fromString(newer.text("/legal_entity_id"));
        SampleEvent older = SampleEvent.of(topic(), eventType()).about(merchant)
                .with("/legal_entity_id", entity).with("/occurred_at", "2026-11-01T10:00:00Z");

        send(newer);
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(merchant) == 1);
        send(older);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE subject = :merchant").param("merchant", merchant.toString())
                .query(Long.class).single() == 2);

        assertThat(jdbc.sql("SELECT legal_name_en FROM legal_entity WHERE id = :id").param("id", entity)
                .query(String.class).single()).isEqualTo("Desert Rose Trading (renamed)");
    }
}
