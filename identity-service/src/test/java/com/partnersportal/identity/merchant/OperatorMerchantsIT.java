package com.partnersportal.identity.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.identity.contract.MerchantRegistered;
import com.partnersportal.identity.testing.IdentityIntegrationTest;
import com.partnersportal.identity.testing.IdentityMother;
import com.partnersportal.identity.testing.IdentityMother.MerchantFixture;
import com.partnersportal.identity.testing.IdentityMother.Member;
import com.partnersportal.identity.testing.Portal;
import com.partnersportal.identity.testing.Portal.Reply;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IdentityIntegrationTest
class OperatorMerchantsIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    @Autowired
    IdentityMother mother;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void anOperatorRegistersAMerchantAndItsEntitiesAndOtherServicesLearnThemFromTheMerchantTopic() {
        String operator = mother.operator().accessToken();
        Portal portal = mother.portal();

        Reply merchant = portal.post("/operator/v1/merchants", operator,
                Portal.json("name_en", "Jarir Home", "name_ar", "جرير المنزل"));
        assertThat(merchant.status()).isEqualTo(201);
        String merchantId = merchant.json().get("id").asString();
        Reply entity = portal.post("/operator/v1/merchants/" + merchantId + "/legal-entities", operator,
                Portal.json("legal_name_en", "Jarir Home Trading Co.", "legal_name_ar", "شركة جرير المنزل للتجارة",
                        "country_code", "SA", "commercial_registration", "1010987654", "vat_number", "300123456700003",
                        "address", "Olaya St, Riyadh"));

        assertThat(entity.status()).as(entity.body()).isEqualTo(201);
        JsonNode registered = entity.json();
        assertThat(registered.get("currency").asString()).as("the country's currency by default").isEqualTo("SAR");
        assertThat(registered.get("time_zone").asString()).as("the country's time zone by default").isEqualTo("Asia/Riyadh");
        try (TopicReader merchantEvents = new TopicReader(brokers, IdentityTopics.MERCHANT_EVENTS)) {
            ConsumerRecord<String, byte[]> merchantEvent = merchantEvents.awaitRecord(r -> merchantId.equals(r.key())
                    && MerchantRegistered.TYPE.equals(TopicReader.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
            JsonNode payload = Portal.parse(TopicReader.value(merchantEvent));
            assertThat(payload.get("merchant_id").asString()).isEqualTo(merchantId);
            assertThat(payload.get("name_ar").asString()).isEqualTo("جرير المنزل");
            assertThat(TopicReader.header(merchantEvent, CloudEventHeaders.SOURCE)).isEqualTo("/partners-portal/identity");

            ConsumerRecord<String, byte[]> entityEvent = merchantEvents.awaitRecord(r -> merchantId.equals(r.key())
                    && LegalEntityRegistered.TYPE.equals(TopicReader.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
            JsonNode entityPayload = Portal.parse(TopicReader.value(entityEvent));
            assertThat(entityPayload.get("legal_entity_id").asString()).isEqualTo(registered.get("id").asString());
            assertThat(entityPayload.get("vat_number").asString()).isEqualTo("300123456700003");
            assertThat(entityPayload.get("currency").asString()).isEqualTo("SAR");
            assertThat(entityPayload.get("time_zone").asString()).isEqualTo("Asia/Riyadh");
        }
        JsonNode read = portal.get("/operator/v1/merchants/" + merchantId, operator).json();
        assertThat(read.get("name_en").asString()).isEqualTo("Jarir Home");
        assertThat(read.get("legal_entities")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} VAT {2} -> {3} {4}")
    @CsvSource(nullValues = "null", value = {
            "SA, null, 300000000000003, 201, null",
            "SA, null, 310122393500003, 201, null",
            "SA, null, 200000000000003, 400, vat_number_invalid",
            "SA, null, 300000000000002, 400, vat_number_invalid",
            "SA, null, 30000000000003, 400, vat_number_invalid",
            "SA, null, 3000000000000033, 400, vat_number_invalid",
            "SA, null, 3000000000O0003, 400, vat_number_invalid",
            "SA, null, null, 400, vat_number_invalid",
            "SA, AED, 300000000000003, 400, currency_country_mismatch",
            "AE, AED, null, 201, null",
            "AE, null, 100123456789003, 201, null",
            "AE, null, 12345, 400, vat_number_invalid",
            "KW, KWD, null, 201, null",
            "OM, SAR, null, 400, currency_country_mismatch",
            "EG, null, null, 400, country_unsupported"})
    void legalEntitiesAreCheckedForTheirCountrysRules(String country, String currency, String vat, int status,
            String errorCode) {
        MerchantFixture merchant = mother.merchant();
        String registration = "SA".equals(country) ? IdentityMother.saudiRegistration() : "CR-" + UUID.randomUUID();

        Reply reply = mother.portal().post("/operator/v1/merchants/" + merchant.id() + "/legal-entities",
                mother.operator().accessToken(), Portal.json("legal_name_en", "Entity", "legal_name_ar", "كيان",
                        "country_code", country, "currency", currency, "commercial_registration",
                        registration.substring(0, Math.min(registration.length(), 40)), "vat_number", vat,
                        "address", "Somewhere 1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (errorCode != null) {
            assertThat(reply.errorCode()).isEqualTo(errorCode);
            assertThat(jdbc.sql("SELECT count(*) FROM legal_entity WHERE merchant_id = :m").param("m", merchant.id())
                    .query(Long.class).single()).as("nothing added").isEqualTo(2);
        }
    }

    @Test
    void aTimeZoneCanBeGivenAndMustExist() {
        MerchantFixture merchant = mother.merchant();
        String operator = mother.operator().accessToken();

        Reply unknown = mother.portal().post("/operator/v1/merchants/" + merchant.id() + "/legal-entities", operator,
                Portal.json("legal_name_en", "E", "legal_name_ar", "كيان", "country_code", "AE",
                        "commercial_registration", "X-" + UUID.randomUUID().toString().substring(0, 8),
                        "address", "A", "time_zone", "Mars/Olympus"));
        Reply given = mother.portal().post("/operator/v1/merchants/" + merchant.id() + "/legal-entities", operator,
                Portal.json("legal_name_en", "E", "legal_name_ar", "كيان", "country_code", "AE",
                        "commercial_registration", "X-" + UUID.randomUUID().toString().substring(0, 8),
                        "address", "A", "time_zone", "Asia/Riyadh"));

        assertThat(unknown.errorCode()).isEqualTo("time_zone_unknown");
        assertThat(given.json().get("time_zone").asString()).isEqualTo("Asia/Riyadh");
    }

    @Test
    void theSameCommercialRegistrationCannotBeRegisteredTwice() {
        MerchantFixture merchant = mother.merchant();
        String body = IdentityMother.ksaEntity();
        mother.legalEntity(merchant.id(), body);

        Reply again = mother.portal().post("/operator/v1/merchants/" + merchant.id() + "/legal-entities",
                mother.operator().accessToken(), body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("legal_entity_already_registered");
    }

    @Test
    void merchantUsersAreNotOperators() {
        MerchantFixture merchant = mother.merchant();
        String admin = merchant.admin().accessToken();
        Portal portal = mother.portal();

        assertThat(portal.post("/operator/v1/merchants", admin, Portal.json("name_en", "X", "name_ar", "س")).status())
                .isEqualTo(403);
        assertThat(portal.get("/operator/v1/merchants/" + merchant.id(), admin).status()).isEqualTo(403);
        assertThat(portal.post("/operator/v1/merchants/" + merchant.id() + "/legal-entities", admin,
                IdentityMother.ksaEntity()).status()).isEqualTo(403);
        assertThat(portal.post("/operator/v1/merchants/" + merchant.id() + "/admins", admin,
                Portal.json("email", IdentityMother.uniqueEmail("x"), "full_name", "X", "locale", "en")).status())
                .isEqualTo(403);
        assertThat(portal.post("/operator/v1/merchants", null, Portal.json("name_en", "X", "name_ar", "س")).status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownMerchantIsA404() {
        String operator = mother.operator().accessToken();
        String unknown = UUID.randomUUID().toString();
        Portal portal = mother.portal();

        assertThat(portal.get("/operator/v1/merchants/" + unknown, operator).errorCode()).isEqualTo("merchant_not_found");
        assertThat(portal.post("/operator/v1/merchants/" + unknown + "/legal-entities", operator,
                IdentityMother.ksaEntity()).status()).isEqualTo(404);
        assertThat(portal.post("/operator/v1/merchants/" + unknown + "/admins", operator,
                Portal.json("email", IdentityMother.uniqueEmail("x"), "full_name", "X", "locale", "en")).status())
                .isEqualTo(404);
        assertThat(portal.get("/operator/v1/merchants/not-a-uuid", operator).status()).isEqualTo(400);
    }

    @Test
    void badMerchantInputIsAProblemAndChangesNothing() {
        String operator = mother.operator().accessToken();
        Portal portal = mother.portal();
        long before = jdbc.sql("SELECT count(*) FROM merchant").query(Long.class).single();

        List<Reply> replies = List.of(
                portal.post("/operator/v1/merchants", operator, "{\"name_en\": \"Shop\", "),
                portal.post("/operator/v1/merchants", operator, "{\"name_en\": 12, \"name_ar\": [\"x\"]}"),
                portal.post("/operator/v1/merchants", operator, Portal.json("name_en", "Shop")),
                portal.post("/operator/v1/merchants", operator, Portal.json("name_en", "x".repeat(256), "name_ar", "متجر")),
                portal.post("/operator/v1/merchants", operator, Portal.json("name_en", "Shop\u0000<script>", "name_ar", "متجر")),
                portal.post("/operator/v1/merchants", operator, Portal.json("name_en", "Shop", "name_ar", "Not Arabic")));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM merchant").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aMerchantsUsersReadTheirOwnLegalEntitiesOnlyAndLimitedUsersOnlyTheirs() {
        MerchantFixture merchant = mother.merchant();
        MerchantFixture other = mother.merchant();
        Member limited = mother.member(merchant, "viewer", List.of(merchant.uaeEntity()));
        Portal portal = mother.portal();

        JsonNode all = portal.get("/portal/v1/legal-entities", merchant.admin().accessToken()).json().get("legal_entities");
        JsonNode mine = portal.get("/portal/v1/legal-entities", limited.accessToken()).json().get("legal_entities");

        assertThat(all.valueStream().map(e -> e.get("id").asString()))
                .containsExactlyInAnyOrder(merchant.ksaEntity().toString(), merchant.uaeEntity().toString())
                .doesNotContain(other.ksaEntity().toString());
        assertThat(mine.valueStream().map(e -> e.get("id").asString())).containsExactly(merchant.uaeEntity().toString());
        assertThat(portal.get("/portal/v1/legal-entities", mother.operator().accessToken()).status())
                .as("operators have no merchant of their own").isEqualTo(403);
    }

    @Test
    void operatorsListMerchantsNewestFirstAPageAtATimeAndFindThemByName() {
        String operator = mother.operator().accessToken();
        Portal portal = mother.portal();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(portal.post("/operator/v1/merchants", operator,
                    Portal.json("name_en", "Listed " + tag + " " + i, "name_ar", "متجر")).json().get("id").asString());
        }

        Reply first = portal.get("/operator/v1/merchants?limit=2&search=" + tag.toUpperCase(), operator);
        Reply second = portal.get("/operator/v1/merchants?limit=2&search=" + tag + "&cursor="
                + first.json().get("next_cursor").asString(), operator);

        assertThat(first.json().get("merchants").valueStream().map(m -> m.get("id").asString()))
                .containsExactly(created.get(2), created.get(1));
        assertThat(second.json().get("merchants").valueStream().map(m -> m.get("id").asString()))
                .containsExactly(created.get(0));
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(portal.get("/operator/v1/merchants?cursor=junk", operator).errorCode()).isEqualTo("invalid_cursor");
        assertThat(portal.get("/operator/v1/merchants", mother.merchant().admin().accessToken()).status()).isEqualTo(403);
    }

    @Test
    void registrationsAreAudited() {
        MerchantFixture merchant = mother.merchant();

        assertThat(mother.auditEntries(merchant.id(), "merchant.registered")).isEqualTo(1);
        assertThat(mother.auditEntries(merchant.id(), "legal_entity.registered")).isEqualTo(2);
    }
}
