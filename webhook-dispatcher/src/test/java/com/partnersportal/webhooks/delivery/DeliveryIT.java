package com.partnersportal.webhooks.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.kit.work.DurableWorker;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import com.partnersportal.webhooks.contract.WebhookTopics;
import com.partnersportal.webhooks.testing.OrderEvents;
import com.partnersportal.webhooks.testing.Receiver;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order events in, signed webhooks out, against WireMock receivers that check every signature with their own code.
 * Each test has its own merchant and endpoints, so they do not disturb each other.
 */
@WebhooksIntegrationTest
class DeliveryIT {

    @Autowired
    DataSource publisherDatabase;

    /** What the test made the service publish is what its contract module's samples and schemas say (ADR 16). */
    @AfterEach
    void publishedEventsConformToTheirSamples() {
        PublishedEvents.assertEveryOutboxRowConforms(publisherDatabase);
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Receiver receiver;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DurableWorker<ClaimedMessage> dispatcher;

    WebhooksApi api;
    final UUID merchant = UUID.randomUUID();

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void connect() {
        api = new WebhooksApi(port);
    }

    private String path() {
        return "/hook/" + UUID.randomUUID();
    }

    @Test
    void everyOrderEventTypeArrivesSignedAsTamarasBodyWithTheTamaraToken() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        UUID endpoint = api.register(merchant, receiver.url(path), WebhooksApi.ALL_EVENTS);
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        OrderEvents.Order declined = OrderEvents.Order.of(merchant);
        OrderEvents.Order expired = OrderEvents.Order.of(merchant);
        OrderEvents.Order canceled = OrderEvents.Order.of(merchant);
        UUID captureId = UUID.randomUUID();
        UUID refundId = UUID.randomUUID();
        UUID cancelId = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
            events.authorised(order);
            events.captured(order, captureId, "300.00");
            events.refunded(order, refundId, captureId, "50.50");
            events.declined(declined);
            events.expired(expired);
            events.canceled(canceled, cancelId, "300.00");
        }

        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 7);
        String secret = api.secret(merchant, endpoint);
        String notificationToken = api.notificationToken(merchant);
        List<Receiver.Received> got = receiver.at(path);
        assertThat(got).allMatch(r -> r.signedWith(secret), "signed with the endpoint's secret")
                .allMatch(r -> r.carriesTamaraToken(notificationToken), "tamaraToken as bearer and query parameter")
                .allMatch(r -> r.headers().get("content-type").startsWith("application/json"));
        assertThat(Receiver.distinctIds(got)).isEqualTo(7);

        List<Receiver.Received> ofOrder = got.stream()
                .filter(r -> r.json().get("order_id").asString().equals(order.id().toString())).toList();
        assertThat(ofOrder).extracting(Receiver.Received::eventType)
                .containsExactly("order_approved", "order_authorised", "order_captured", "order_refunded");
        var approved = ofOrder.get(0).json();
        assertThat(approved.get("order_reference_id").asString()).isEqualTo(order.reference());
        assertThat(approved.get("order_number").asString()).isEqualTo("N-" + order.reference());
        assertThat(approved.get("data").toString()).isEqualTo("[]");
        assertThat(new String(ofOrder.get(2).body())).contains(
                "\"data\":{\"capture_id\":\"" + captureId + "\",\"captured_amount\":{\"amount\":300.00,\"currency\":\"SAR\"}}");
        var refund = ofOrder.get(3).json().get("data");
        assertThat(refund.get("refund_id").asString()).isEqualTo(refundId.toString());
        assertThat(refund.get("capture_id").asString()).isEqualTo(captureId.toString());
        assertThat(refund.get("refunded_amount").get("amount").decimalValue()).isEqualByComparingTo("50.50");
        assertThat(refund.get("comment").asString()).isEqualTo("Returned");
        var decline = got.stream().filter(r -> r.eventType().equals("order_declined")).findFirst().orElseThrow().json();
        assertThat(decline.get("data").get("declined_code").asString()).isEqualTo("consumer_not_eligible");
        assertThat(decline.get("data").get("decline_type").asString()).isEqualTo("soft");
        var cancel = got.stream().filter(r -> r.eventType().equals("order_canceled")).findFirst().orElseThrow().json();
        assertThat(cancel.get("data").get("cancel_id").asString()).isEqualTo(cancelId.toString());
        assertThat(got.stream().filter(r -> r.eventType().equals("order_expired")).count()).isOne();
    }

    @Test
    void onlySubscribedEventsAndEnabledEndpointsGetMessagesAndARedeliveredEventMakesNoSecondOne() {
        String path = path();
        String disabledPath = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_captured"));
        UUID off = api.register(merchant, receiver.url(disabledPath), List.of("order_captured"));
        api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + off + "/disable", null);
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
            OrderEvents.Sent captured = events.captured(order, UUID.randomUUID(), "300.00");
            events.resend(captured);
            events.resend(captured);
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.at(path).size() == 1);
        assertThat(receiver.at(path).getFirst().eventType()).isEqualTo("order_captured");
        assertThat(receiver.at(disabledPath)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_message WHERE order_id = :o").param("o", order.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void failuresAreRetriedWithTheSameIdAndEveryAttemptIsLogged() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database down")).willSetStateTo("second"));
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(204)));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_approved"));
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 3);
        List<Receiver.Received> got = receiver.at(path);
        assertThat(Receiver.distinctIds(got)).isOne();
        String secret = api.secret(merchant, endpoint);
        assertThat(got).allMatch(r -> r.signedWith(secret));

        var page = api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/messages?order_id=" + order.id(), null);
        String messageId = page.body().get("messages").get(0).get("id").asString();
        await().atMost(PATIENCE).until(() -> api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/messages/" + messageId,
                null).body().get("message").get("status").asString().equals("delivered"));
        var detail = api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/messages/" + messageId, null).body();
        var attempts = detail.get("attempts");
        assertThat(attempts.size()).isEqualTo(3);
        assertThat(attempts.get(0).get("response_status").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("response_body").asString()).isEqualTo("database down");
        assertThat(attempts.get(1).get("response_status").asInt()).isEqualTo(503);
        assertThat(attempts.get(2).get("outcome").asString()).isEqualTo("success");
        assertThat(attempts.get(2).get("request_headers").get("webhook-id").asString()).isEqualTo(got.getFirst().id());
        assertThat(attempts.get(2).get("request_headers").get("Authorization").asString()).isEqualTo("[redacted]");
        assertThat(attempts.get(2).get("latency_ms").asInt()).isGreaterThanOrEqualTo(0);

        var health = api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/" + endpoint + "/health", null).body();
        assertThat(health.get("attempts_24h").asLong()).isEqualTo(3);
        assertThat(health.get("successes_24h").asLong()).isEqualTo(1);
        assertThat(health.get("recent_failures").size()).isEqualTo(2);
        assertThat(health.get("queue_depth").asLong()).isZero();
    }

    @Test
    void anAttemptThatTimesOutIsRetried() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(ok().withFixedDelay(13_000)).willSetStateTo("fast"));
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("fast").willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_expired"));
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.expired(order);
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> status(order.id()).equals("delivered"));
        List<Map<String, Object>> attempts = attemptsOf(order.id());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("outcome")).isEqualTo("timeout");
        assertThat(((Number) attempts.get(0).get("latency_ms")).intValue()).isBetween(11_500, 13_000);
        assertThat(attempts.get(1).get("outcome")).isEqualTo("success");
    }

    @Test
    void retryAfterOn429IsHonoured() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")).willSetStateTo("ok"));
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("ok").willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_approved"));
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(OrderEvents.Order.of(merchant));
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 2);
        List<Receiver.Received> got = receiver.at(path);
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(3900));
    }

    @Test
    void goneDisablesTheEndpointAndTellsTheAdmins() {
        String path = path();
        // Answers after a moment, so that the second event is queued (behind the first) when the endpoint goes.
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(410).withFixedDelay(1500)));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_approved", "order_authorised"));
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (TopicReader topic = new TopicReader(brokers, WebhookTopics.ENDPOINT_EVENTS);
             OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
            events.authorised(order);
            var record = topic.awaitRecord(r -> endpoint.toString().equals(r.key()), PATIENCE);
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(WebhookEndpointDisabled.TYPE);
            String payload = TopicReader.value(record);
            assertThat(payload).contains("\"reason\":\"gone\"", "\"merchant_id\":\"" + merchant + "\"",
                    "\"url\":\"" + receiver.url(path) + "\"", "\"last_error\":\"HTTP 410\"");
        }
        var view = api.asMerchant(merchant, HttpMethod.GET, "/webhooks/" + endpoint, null).body();
        assertThat(view.get("enabled").asBoolean()).isFalse();
        assertThat(view.get("disabled_reason").asString()).isEqualTo("gone");
        assertThat(receiver.at(path)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_message WHERE endpoint_id = :e AND status = 'failed'")
                .param("e", endpoint).query(Long.class).single()).isEqualTo(2);

        // Re-enabling offers recovery: the failed messages since the failure go out again.
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        var enabled = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/enable",
                "{\"recover_since\": \"" + Instant.now().minusSeconds(600) + "\"}").body();
        assertThat(enabled.get("recovered").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 3);
        assertThat(receiver.at(path).subList(1, 3)).extracting(Receiver.Received::eventType)
                .containsExactly("order_approved", "order_authorised");
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        String path = path();
        String target = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", receiver.url(target))));
        receiver.server.stubFor(post(urlPathEqualTo(target)).willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_approved"));
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
        }
        await().atMost(PATIENCE).until(() -> status(order.id()).equals("failed"));
        assertThat(receiver.at(target)).isEmpty();
        assertThat(receiver.at(path)).hasSize(5);
        assertThat(attemptsOf(order.id())).allMatch(a -> "http_error".equals(a.get("outcome"))
                && ((String) a.get("error")).contains("not followed"));
    }

    @Test
    void anEndpointAnsweringInTenSecondsDoesNotDelayTheOthers() {
        UUID slowMerchant = UUID.randomUUID();
        String slowPath = path();
        String fastPath = path();
        receiver.server.stubFor(post(urlPathEqualTo(slowPath)).willReturn(ok().withFixedDelay(10_000)));
        receiver.server.stubFor(post(urlPathEqualTo(fastPath)).willReturn(ok()));
        api.register(slowMerchant, receiver.url(slowPath), List.of("order_approved"));
        api.register(merchant, receiver.url(fastPath), List.of("order_approved"));
        Instant start = Instant.now();
        try (OrderEvents events = new OrderEvents(brokers)) {
            for (int i = 0; i < 40; i++) {
                events.approved(OrderEvents.Order.of(slowMerchant));
            }
            for (int i = 0; i < 20; i++) {
                events.approved(OrderEvents.Order.of(merchant));
            }
        }
        await().atMost(Duration.ofSeconds(8)).until(() -> receiver.at(fastPath).size() == 20);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
        // The slow endpoint is served by no more than its concurrency limit at once, the rest of the pool stays free.
        long inFlight = jdbc.sql("""
                        SELECT count(*) FROM webhook_message m JOIN webhook_endpoint e ON e.id = m.endpoint_id
                        WHERE e.merchant_id = :m AND m.status = 'pending' AND m.claimed_until > now()""")
                .param("m", slowMerchant).query(Long.class).single();
        assertThat(inFlight).isBetween(1L, 16L);
    }

    @Test
    void anOrdersMessagesGoOutInEventOrderWhileOtherOrdersProceed() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        OrderEvents.Order first = OrderEvents.Order.of(merchant);
        OrderEvents.Order other = OrderEvents.Order.of(merchant);
        // The first order's approval fails twice; its later statuses must wait for it.
        receiver.server.stubFor(post(urlPathEqualTo(path))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "\"order_id\":\"" + first.id() + "\",\"order_reference_id\":\"" + first.reference()
                                + "\",\"order_number\":\"N-" + first.reference() + "\",\"event_type\":\"order_approved\""))
                .inScenario(path).whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        receiver.server.stubFor(post(urlPathEqualTo(path))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"event_type\":\"order_approved\""))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(first.id().toString()))
                .inScenario(path).whenScenarioStateIs("once").willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        api.register(merchant, receiver.url(path), WebhooksApi.ALL_EVENTS);
        UUID capture = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(first);
            events.authorised(first);
            events.captured(first, capture, "300.00");
            events.approved(other);
            events.authorised(other);
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).stream().filter(r -> r.answeredWith() == 200).count() == 5);
        List<String> firstOrder = receiver.at(path).stream()
                .filter(r -> r.json().get("order_id").asString().equals(first.id().toString()))
                .map(r -> r.eventType() + ":" + r.answeredWith()).toList();
        assertThat(firstOrder).containsExactly("order_approved:500", "order_approved:500", "order_approved:200",
                "order_authorised:200", "order_captured:200");
        List<Receiver.Received> all = receiver.at(path);
        int otherDone = indexOf(all, other.id(), "order_authorised");
        int firstApproved = indexOf(all, first.id(), "order_approved", 200);
        assertThat(otherDone).as("the other order is not held up by the first one's retries").isLessThan(firstApproved);
    }

    @Test
    void aRestartInTheMiddleOfARetryLosesNothingAndSendsNothingTwice() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        receiver.server.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("ok").willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_approved", "order_authorised"));
        OrderEvents.Order order = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(order);
            await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 1);
            dispatcher.stop();
            try {
                events.authorised(order);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> receiver.at(path).size() == 1);
                assertThat(jdbc.sql("SELECT count(*) FROM webhook_message WHERE order_id = :o AND status = 'pending'")
                        .param("o", order.id()).query(Long.class).single()).isEqualTo(2);
            } finally {
                dispatcher.start();
            }
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.at(path).size() == 3);
        List<Receiver.Received> got = receiver.at(path);
        assertThat(got).extracting(r -> r.eventType() + ":" + r.answeredWith())
                .containsExactly("order_approved:500", "order_approved:200", "order_authorised:200");
        assertThat(Receiver.distinctIds(got)).isEqualTo(2);
    }

    @Test
    void whenAnEndpointAnswersAgainItsWaitingRetriesGoAtOnce() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_approved"));
        OrderEvents.Order first = OrderEvents.Order.of(merchant);
        OrderEvents.Order second = OrderEvents.Order.of(merchant);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(first);
            events.approved(second);
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 2);
        // Both wait for a retry far away, as after hours of an outage.
        jdbc.sql("UPDATE webhook_message SET next_attempt_at = now() + interval '1 hour' WHERE endpoint_id = :e")
                .param("e", endpoint).update();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        var test = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/test", null);
        assertThat(test.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> status(first.id()).equals("delivered") && status(second.id()).equals("delivered"));
    }

    @Test
    void internalAddressesAreRefusedBeforeAnyConnection() {
        List<String> urls = List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/x", "http://[::ffff:10.0.0.1]/x", "http://100.64.0.1/x", "http://192.168.1.10/x",
                "http://127.0.0.2:9/x", "http://[::1]:9/x");
        for (String url : urls) {
            UUID endpoint = api.register(merchant, url, List.of("order_approved"));
            api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/test", null);
        }
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM webhook_attempt a JOIN webhook_endpoint e ON e.id = a.endpoint_id
                        WHERE e.merchant_id = :m""").param("m", merchant).query(Long.class).single() >= urls.size());
        List<Map<String, Object>> attempts = jdbc.sql("""
                        SELECT a.outcome, a.error, e.url FROM webhook_attempt a JOIN webhook_endpoint e ON e.id = a.endpoint_id
                        WHERE e.merchant_id = :m""").param("m", merchant).query().listOfRows();
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("outcome")).as((String) a.get("url")).isEqualTo("refused");
            assertThat((String) a.get("error")).startsWith("refused:");
        });
    }

    @Test
    void aTestEventAResendAndARotatedSecretWithBothSignatures() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_captured"));
        String oldSecret = api.secret(merchant, endpoint);
        // Sent once before the rotation, so that the replica has the old secret opened and kept.
        assertThat(api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/test",
                "{\"event_type\": \"order_captured\"}").status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 1);
        assertThat(receiver.at(path).getFirst().signatureCount()).isEqualTo(1);
        assertThat(receiver.at(path).getFirst().signedWith(oldSecret)).isTrue();

        String newSecret = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/secret/rotate", null)
                .text("secret");
        var test = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/test",
                "{\"event_type\": \"order_captured\"}");
        assertThat(test.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 2);
        Receiver.Received first = receiver.at(path).get(1);
        assertThat(first.eventType()).isEqualTo("order_captured");
        assertThat(first.signatureCount()).isEqualTo(2);
        assertThat(first.signedWith(oldSecret)).isTrue();
        assertThat(first.signedWith(newSecret)).isTrue();

        String messageId = test.text("message_id");
        assertThat(api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/messages/" + messageId + "/resend", null)
                .status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 3);
        assertThat(receiver.at(path).get(2).id()).isEqualTo(first.id());
        assertThat(receiver.at(path).get(2).body()).isEqualTo(first.body());
        assertThat(api.asUser(UUID.randomUUID(), HttpMethod.POST, "/portal/v1/webhooks/messages/" + messageId + "/resend",
                null).status()).isEqualTo(404);

        var log = api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/messages?endpoint_id=" + endpoint
                + "&status=delivered&event_type=order_captured&limit=1", null).body();
        assertThat(log.get("messages").size()).isEqualTo(1);
    }

    @Test
    void aRotatedNotificationTokenKeysTheNextTamaraTokens() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        api.register(merchant, receiver.url(path), List.of("order_approved"));
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(OrderEvents.Order.of(merchant));
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 1);
        String oldToken = api.notificationToken(merchant);
        assertThat(receiver.at(path).getFirst().carriesTamaraToken(oldToken)).isTrue();

        String newToken = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/notification-token/rotate", null)
                .text("notification_token");
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(OrderEvents.Order.of(merchant));
        }
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 2);
        Receiver.Received after = receiver.at(path).get(1);
        assertThat(after.carriesTamaraToken(newToken)).isTrue();
        assertThat(after.carriesTamaraToken(oldToken)).isFalse();
    }

    @Test
    void failedMessagesOfAnEndpointAreRecoveredSinceATime() {
        String path = path();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_approved"));
        Instant since = Instant.now().minusSeconds(1);
        try (OrderEvents events = new OrderEvents(brokers)) {
            events.approved(OrderEvents.Order.of(merchant));
            events.approved(OrderEvents.Order.of(merchant));
        }
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                "SELECT count(*) FROM webhook_message WHERE endpoint_id = :e AND status = 'failed'")
                .param("e", endpoint).query(Long.class).single() == 2);
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        var recovered = api.asUser(merchant, HttpMethod.POST, "/portal/v1/webhooks/" + endpoint + "/recover",
                "{\"since\": \"" + since + "\"}");
        assertThat(recovered.body().get("recovered").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> receiver.at(path).stream().filter(r -> r.answeredWith() == 200).count() == 2);
    }

    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM webhook_message WHERE order_id = :o").param("o", orderId)
                .query(String.class).optional().orElse("none");
    }

    private List<Map<String, Object>> attemptsOf(UUID orderId) {
        return jdbc.sql("""
                        SELECT a.* FROM webhook_attempt a JOIN webhook_message m ON m.id = a.message_id
                        WHERE m.order_id = :o ORDER BY a.id""").param("o", orderId).query().listOfRows();
    }

    private static int indexOf(List<Receiver.Received> all, UUID order, String type) {
        return indexOf(all, order, type, 200);
    }

    private static int indexOf(List<Receiver.Received> all, UUID order, String type, int status) {
        for (int i = 0; i < all.size(); i++) {
            Receiver.Received r = all.get(i);
            if (r.json().get("order_id").asString().equals(order.toString()) && r.eventType().equals(type)
                    && r.answeredWith() == status) {
                return i;
            }
        }
        return -1;
    }
}
