package com.partnersportal.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.partnersportal.launcher.PlatformClient.JSON;
import static com.partnersportal.launcher.PlatformClient.call;
import static com.partnersportal.launcher.PlatformClient.link;
import static com.partnersportal.launcher.PlatformClient.mailsTo;
import static com.partnersportal.launcher.PlatformClient.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of every backend service ({@code ./portal start --replicas ...=2}) against one broker, the real
 * databases, the mail catcher and a WireMock webhook receiver, used as merchants and operators use the platform:
 * every event is published once and handled once per consumer group, no webhook is sent twice, both settlement
 * replicas' schedules make one weekly report and one tax invoice (the invoice chain does not fork), an export is
 * processed and mailed once, order timers fire once; a webhook-dispatcher replica killed with {@code kill -9}
 * mid-delivery loses nothing, and API tokens keep working with identity's first replica killed. Last, every metric a
 * dashboard or alert rule uses is exported by a running service.
 *
 * <p>It uses the platform's fixed ports and runs after {@link LocalPlatformIT}, on the platform that class started
 * ({@link SharedPlatform}, which stops it after the last class). On a shared machine hold {@code /tmp/platform.lock}.
 */
@Order(2)
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Path ROOT = PortalCommand.ROOT;
    private static final RunDirectory RUN = new RunDirectory(ROOT);
    private static final PostgresCheck.Settings PG = PostgresCheck.Settings.fromEnvironment(System.getenv());
    private static final List<String> BACKENDS = SharedPlatform.BACKENDS;
    private static final Map<String, Integer> PORTS = Map.of("identity-service", 8081, "orders-service", 8082,
            "settlement-service", 8083, "webhook-dispatcher", 8084, "notification-service", 8085);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** How long a count must stay put before it counts as final: what arrives twice arrives within this. */
    private static final Duration SETTLED = Duration.ofSeconds(5);
    private static final List<String> WEBHOOK_EVENTS = List.of("order_approved", "order_declined", "order_authorised",
            "order_captured", "order_refunded", "order_canceled", "order_expired");
    private static final int ORDERS = 6;
    private static final String ORDER_EVENTS = "orders.order-events.v1";

    private final WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final String hookPath = "/hooks/" + UUID.randomUUID();
    private final Instant began = Instant.now();
    private final Set<String> killed = new HashSet<>();

    private JsonNode credentials;
    private ServiceClientSecrets clients;
    private String entityId;
    private String entityName;
    private String adminEmail;
    private String admin;
    private String apiToken;
    private List<String> lifecycleOrders = List.of();
    private List<String> ordersWhileAWebhookReplicaDied = List.of();

    @BeforeAll
    void startTwoReplicasOfEveryService() throws Exception {
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo(hookPath)).willReturn(aResponse().withStatus(204)));
        PortalCommand.Result started = SharedPlatform.start();
        assertThat(started.exitCode()).as(started.output()).isZero();
        credentials = JSON.readTree(Files.readString(RUN.demoCredentials()));
        clients = ServiceClientSecrets.load(RUN);
        aMerchantOfItsOwn();
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.stop();
    }

    @Test
    @Order(1)
    void statusShowsTwoReplicasOfEveryBackendUp() throws Exception {
        PortalCommand.Result status = PortalCommand.run(Map.of(), "status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        for (String service : BACKENDS) {
            assertThat(status.output()).containsPattern("(?m)^\\s*" + service + "\\s+UP\\s")
                    .containsPattern("(?m)^\\s*" + service + "-2\\s+UP\\s");
        }
    }

    @Test
    @Order(2)
    void everyEventIsPublishedOnceHandledOncePerConsumerGroupAndEveryWebhookSentOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String order = checkout("REPLICAS-" + i + "-" + UUID.randomUUID());
            approve(order, i % 2 == 0 ? 8082 : 8182);
            orders.add(order);
        }
        for (String order : orders) {
            authorise(order);
            capture(order);
        }
        lifecycleOrders = List.copyOf(orders);

        // At the merchant's receiver: each order's approval, authorisation and capture, once each.
        Set<String> expected = pairs(orders, "order_approved", "order_authorised", "order_captured");
        await().atMost(PATIENCE).until(() -> received(orders).keySet().containsAll(expected));
        await().during(SETTLED).atMost(PATIENCE).untilAsserted(() ->
                assertThat(received(orders)).as("webhooks received per order and event").containsOnlyKeys(expected)
                        .allSatisfy((pair, count) -> assertThat(count).as(pair).isEqualTo(1)));
        assertThat(receivedIds(orders)).as("no webhook id sent twice").doesNotHaveDuplicates();
        assertThat(query("portal_webhooks", "SELECT status, attempts FROM webhook_message WHERE order_id::text = ANY(?)",
                (Object) orders.toArray(String[]::new))).hasSize(expected.size())
                .allSatisfy(row -> assertThat(row).containsEntry("status", "delivered").containsEntry("attempts", 1));

        // orders-service's outbox: four rows per order (created, approved, authorised, captured), each published once.
        List<Map<String, Object>> outbox = query("portal_orders",
                "SELECT event_id::text AS event_id, event_type, published_at FROM outbox_event WHERE message_key = ANY(?)",
                (Object) orders.toArray(String[]::new));
        assertThat(outbox).hasSize(4 * ORDERS).allSatisfy(row -> assertThat(row.get("published_at")).isNotNull());
        Set<String> eventIds = outbox.stream().map(row -> (String) row.get("event_id")).collect(Collectors.toSet());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(publishedOnTopic(ORDER_EVENTS, eventIds))
                .as("records per event id on %s", ORDER_EVENTS).hasSize(eventIds.size())
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1)));

        // Each consumer group (both replicas' logs together) handled each event once and skipped none as a duplicate.
        for (String consumer : List.of("settlement-service", "webhook-dispatcher")) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(logCounts(consumer, "Consumed event ", eventIds))
                    .as("%s consumed", consumer).hasSize(eventIds.size())
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1)));
            assertThat(logCounts(consumer, "Skipped duplicate event ", eventIds)).as("%s duplicates", consumer).isEmpty();
        }
    }

    @Test
    @Order(3)
    void aWebhookReplicaKilledMidDeliveryIsTakenOverByTheOther() throws Exception {
        // A slow receiver, so that deliveries are in flight when a replica dies.
        StubMapping slow = receiver.stubFor(post(urlPathEqualTo(hookPath))
                .willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String order = checkout("REPLICAS-KILL-" + i + "-" + UUID.randomUUID());
            approve(order, i % 2 == 0 ? 8082 : 8182);
            orders.add(order);
        }
        for (String order : orders) {
            authorise(order);
        }
        ordersWhileAWebhookReplicaDied = List.copyOf(orders);

        String busy = await().atMost(PATIENCE).until(() -> replicas("webhook-dispatcher").stream()
                .filter(replica -> gauge(replica, "portal_webhooks_in_flight") > 0).findFirst().orElse(null),
                replica -> replica != null);
        kill(busy);
        receiver.removeStub(slow);
        // What the dead replica had claimed comes back when its lease ends (attempt timeout + margin, 45 s): the
        // last test method checks that everything arrived, so the wait overlaps the tests in between.
    }

    @Test
    @Order(4)
    void bothSettlementReplicasScheduleTheCloseAndMakeOneReportAndOneInvoice() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(query("portal_settlement",
                "SELECT id FROM ledger_line WHERE legal_entity_id = ?::uuid AND kind = 'SALE'", entityId))
                .as("captures booked before the close").hasSize(ORDERS));
        List<Map<String, Object>> counter = query("portal_settlement",
                "SELECT last_icv, last_hash FROM invoice_counter");
        long icvBefore = counter.isEmpty() ? 0 : ((Number) counter.getFirst().get("last_icv")).longValue();
        String hashBefore = counter.isEmpty() ? firstPreviousHash() : (String) counter.getFirst().get("last_hash");

        // Both replicas' clocks past the week's and the month's end at the same moment: both close jobs race.
        CompletableFuture.allOf(replicas("settlement-service").stream().map(replica -> CompletableFuture.runAsync(() -> {
            try {
                PlatformClient.Answer moved = call("POST", url(replica, "/internal/clock/advance"), tools(),
                        "{\"by\": \"P32D\"}");
                assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture[]::new)).join();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsTo(adminEmail)).filteredOn(m -> m.startsWith("Tax invoice "))
                .as("the tax invoice mail (after ZATCA's clearance)").isNotEmpty());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsTo(adminEmail)).filteredOn(m -> m.startsWith("Settlement "))
                .as("the settlement report mail").isNotEmpty());
        await().during(SETTLED).atMost(PATIENCE).untilAsserted(() -> {
            List<String> mails = mailsTo(adminEmail);
            assertThat(mails).filteredOn(m -> m.startsWith("Settlement ")).hasSize(1);
            assertThat(mails).filteredOn(m -> m.startsWith("Tax invoice ")).hasSize(1);
        });

        JsonNode reports = call("GET", "/portal/v1/settlements/reports?legal_entity_id=" + entityId, admin, null).json()
                .get("reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("line_count").asLong()).isEqualTo(ORDERS);
        assertThat(reports.get(0).get("total_sales").get("amount").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("300.00").multiply(java.math.BigDecimal.valueOf(ORDERS)));
        JsonNode invoices = call("GET", "/portal/v1/invoices?legal_entity_id=" + entityId, admin, null).json().get("invoices");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).get("document_type").asString()).isEqualTo("invoice");

        // The issuer's invoice chain since the close: gap-free counter values, each PIH the hash of the one before.
        List<Map<String, Object>> chain = query("portal_settlement",
                "SELECT icv, invoice_hash, previous_hash FROM tax_invoice WHERE icv > ? ORDER BY icv", icvBefore);
        String previous = hashBefore;
        long icv = icvBefore;
        for (Map<String, Object> document : chain) {
            assertThat(((Number) document.get("icv")).longValue()).as("ICV after %d", icv).isEqualTo(++icv);
            assertThat(document.get("previous_hash")).as("PIH of ICV %d", icv).isEqualTo(previous);
            previous = (String) document.get("invoice_hash");
        }
        assertThat(query("portal_settlement", "SELECT last_icv FROM invoice_counter").getFirst().get("last_icv"))
                .isEqualTo(icv);
    }

    @Test
    @Order(5)
    void anExportIsProcessedOnceAndMailedOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
        PlatformClient.Answer requested = call("POST", "/portal/v1/order-exports", admin,
                "{\"created_from\": \"%s\", \"created_to\": \"%s\"}".formatted(today.minusDays(1), today.plusDays(1)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String export = requested.json().get("export_id").asString();

        Callable<List<String>> mails = () -> mailsTo(adminEmail).stream()
                .filter(mail -> mail.contains("/downloads/order-exports/" + export)).toList();
        await().atMost(PATIENCE).until(mails, list -> !list.isEmpty());
        await().during(SETTLED).atMost(PATIENCE).until(mails, list -> list.size() == 1);

        PlatformClient.Answer status = call("GET", "/portal/v1/order-exports/" + export, admin, null);
        assertThat(status.json().get("status").asString()).isEqualTo("done");
        assertThat(status.json().get("rows_written").asLong()).isGreaterThanOrEqualTo(ORDERS);
        List<Map<String, Object>> ready = query("portal_orders", """
                SELECT event_id::text AS event_id FROM outbox_event
                WHERE event_type = 'com.partnersportal.orders.order-export-ready.v1'
                  AND convert_from(payload, 'UTF8') LIKE ?""", "%" + export + "%");
        assertThat(ready).as("one export-ready event").hasSize(1);
        String event = (String) ready.getFirst().get("event_id");
        assertThat(logCounts("notification-service", "Consumed event ", Set.of(event))).containsExactly(Map.entry(event, 1));
        String csv = new String(PlatformClient.download(link(mails.call().getFirst(),
                PlatformClient.GATEWAY + "/downloads/order-exports/")).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(lifecycleOrders.getFirst());
    }

    @Test
    @Order(6)
    void apiTokensKeepWorkingWithIdentitysFirstReplicaKilled() throws Exception {
        kill("identity-service");

        // A token no service has seen yet, so that the gateway and both orders replicas must ask identity about it.
        String token = await().atMost(PATIENCE).until(() -> {
            PlatformClient.Answer created = call("POST", "/portal/v1/api-tokens", admin,
                    "{\"name\": \"after-identity-1-died-" + UUID.randomUUID() + "\"}");
            return created.status() == 201 ? created.json().get("token").asString() : null;
        }, value -> value != null);
        String order = lifecycleOrders.getFirst();
        for (int i = 0; i < 4; i++) {
            PlatformClient.Answer throughGateway = call("GET", "/merchants/orders/" + order, token, null);
            assertThat(throughGateway.status()).as(throughGateway.body()).isEqualTo(200);
        }
        for (int port : List.of(8082, 8182, 8082, 8182)) {
            PlatformClient.Answer direct = call("GET", "http://127.0.0.1:" + port + "/merchants/orders/" + order, token, null);
            assertThat(direct.status()).as("orders replica :%d, %s", port, direct.body()).isEqualTo(200);
        }
        // Signing in is identity's own work: the gateway sends it to the live replica.
        String user = await().atMost(PATIENCE).ignoreExceptions().until(() -> signIn(adminEmail, adminPassword),
                value -> value != null);
        assertThat(call("GET", "/portal/v1/orders?limit=1", user, null).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void orderTimersFireOnceWithBothOrdersReplicasPolling() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(checkout("REPLICAS-EXPIRE-" + i + "-" + UUID.randomUUID()));
        }
        for (String replica : replicas("orders-service")) {
            PlatformClient.Answer moved = call("POST", url(replica, "/internal/clock/advance"), tools(), "{\"by\": \"PT31M\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }

        for (String order : orders) {
            await().atMost(PATIENCE).until(() -> call("GET", "/merchants/orders/" + order, apiToken, null).json()
                    .get("status").asString(), "expired"::equals);
        }
        Set<String> expected = pairs(orders, "order_expired");
        await().atMost(PATIENCE).until(() -> received(orders).keySet().containsAll(expected));
        await().during(SETTLED).atMost(PATIENCE).untilAsserted(() -> assertThat(received(orders))
                .containsOnlyKeys(expected).allSatisfy((pair, count) -> assertThat(count).as(pair).isEqualTo(1)));
        assertThat(query("portal_orders", "SELECT event_id FROM outbox_event WHERE message_key = ANY(?) AND event_type = ?",
                (Object) orders.toArray(String[]::new), "com.partnersportal.orders.order-expired.v1")).hasSize(orders.size());
    }

    @Test
    @Order(8)
    void nothingTheKilledWebhookReplicaHadClaimedIsLost() {
        List<String> orders = ordersWhileAWebhookReplicaDied;
        Set<String> expected = pairs(orders, "order_approved", "order_authorised");

        await().atMost(PATIENCE.multipliedBy(2)).untilAsserted(() -> {
            assertThat(received(orders).keySet()).as("received at least once").containsAll(expected);
            assertThat(query("portal_webhooks", "SELECT status FROM webhook_message WHERE order_id::text = ANY(?)",
                    (Object) orders.toArray(String[]::new))).hasSize(expected.size())
                    .allSatisfy(row -> assertThat(row).containsEntry("status", "delivered"));
        });
    }

    @Test
    @Order(9)
    void everyMetricADashboardOrAlertUsesIsExportedByARunningService() throws Exception {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(ROOT.resolve("deploy/grafana"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                JSON.readTree(Files.readString(dashboard)).get("panels").forEach(panel -> panel.path("targets")
                        .forEach(target -> used.addAll(metricNames(target.path("expr").asString()))));
            }
        }
        try (Stream<Path> rules = Files.list(ROOT.resolve("deploy/prometheus"))) {
            for (Path file : rules.filter(p -> p.toString().matches(".*\\.ya?ml$")).toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file));
                for (Object group : (List<?>) document.get("groups")) {
                    for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                        used.addAll(metricNames(String.valueOf(((Map<?, ?>) rule).get("expr"))));
                    }
                }
            }
        }
        Set<String> exported = new HashSet<>();
        List<String> scraped = new ArrayList<>(List.of("http://127.0.0.1:8090/actuator/prometheus"));
        BACKENDS.forEach(service -> replicas(service).stream().filter(r -> !killed.contains(r))
                .forEach(replica -> scraped.add(url(replica, "/actuator/prometheus"))));
        for (String endpoint : scraped) {
            PlatformClient.Answer scrape = call("GET", endpoint, null, null);
            assertThat(scrape.status()).as(endpoint).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
        }

        assertThat(used).as("metrics the dashboards and rules use").isNotEmpty();
        assertThat(used.stream().filter(name -> !exported.contains(name) && !EXPORTER_METRICS.contains(name)).toList())
                .as("used by deploy/grafana or deploy/prometheus but exported by no service").isEmpty();
    }

    @Test
    @Order(10)
    void everyServiceExportsItsSpansToTheConfiguredOtlpEndpoint() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoggedRequest> exports = SharedPlatform.traces().findAll(postRequestedFor(urlPathEqualTo(SharedPlatform.TRACES)));
            assertThat(exports).as("OTLP exports").isNotEmpty();
            // The protobuf carries each span's resource, whose service.name is the application's name.
            String sent = exports.stream().map(request -> new String(request.getBody(), StandardCharsets.ISO_8859_1))
                    .collect(Collectors.joining());
            for (String service : Stream.concat(Stream.of("gateway"), BACKENDS.stream()).toList()) {
                assertThat(sent).as("spans of %s", service).contains(service);
            }
            assertThat(exports.getFirst().getHeader("Content-Type")).isEqualTo("application/x-protobuf");
        });
    }

    // ---------------------------------------------------------------- the merchant and its orders

    private String adminPassword;

    /** A merchant of its own each run (the local databases persist): a KSA entity, an admin, an API token, a webhook. */
    private void aMerchantOfItsOwn() throws Exception {
        String operator = signIn(credentials.get("operator").get("email").asString(),
                credentials.get("operator").get("password").asString());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String merchant = call("POST", "/operator/v1/merchants", operator,
                "{\"name_en\": \"Replica Shop %s\", \"name_ar\": \"متجر النسخ\"}".formatted(run)).json().get("id").asString();
        entityName = "Replica Shop " + run + " LLC";
        String registration = "10" + (10_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 89_999_999L));
        PlatformClient.Answer entity = call("POST", "/operator/v1/merchants/" + merchant + "/legal-entities", operator, """
                {"legal_name_en": "%s", "legal_name_ar": "متجر النسخ ذ.م.م", "country_code": "SA",
                 "commercial_registration": "%s", "vat_number": "300000000000103",
                 "address": "Olaya St 1, Riyadh"}""".formatted(entityName, registration));
        assertThat(entity.status()).as(entity.body()).isEqualTo(201);
        entityId = entity.json().get("id").asString();

        adminEmail = "replicas-" + run + "@replica.example";
        PlatformClient.Answer invited = call("POST", "/operator/v1/merchants/" + merchant + "/admins", operator,
                "{\"email\": \"%s\", \"full_name\": \"Replica Admin\", \"locale\": \"en\"}".formatted(adminEmail));
        assertThat(invited.status()).as(invited.body()).isLessThan(300);
        String invitation = await().atMost(PATIENCE).until(() -> mailsTo(adminEmail), mails -> !mails.isEmpty()).getFirst();
        String activation = link(invitation, PlatformClient.GATEWAY + "/activate?token=");
        adminPassword = "Replica-Strong-" + UUID.randomUUID();
        PlatformClient.Answer activated = call("POST", "/auth/v1/activation", null, "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(activation.substring(activation.indexOf("token=") + 6), adminPassword));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        admin = signIn(adminEmail, adminPassword);
        PlatformClient.Answer token = call("POST", "/portal/v1/api-tokens", admin, "{\"name\": \"replicas\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        apiToken = token.json().get("token").asString();

        PlatformClient.Answer webhook = call("POST", "/portal/v1/webhooks", admin, """
                {"type": "order", "url": "http://127.0.0.1:%d%s", "events": %s, "description": "replicas"}"""
                .formatted(receiver.port(), hookPath, JSON.writeValueAsString(WEBHOOK_EVENTS)));
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        // orders-service learns the new entity from identity's event: checkout works once it has.
        await().atMost(PATIENCE).until(() -> call("POST", "/checkout", apiToken, PlatformClient.checkoutBody("REPLICAS-FIRST-" + run))
                .status() == 200);
    }

    private String checkout(String reference) throws Exception {
        PlatformClient.Answer answer = call("POST", "/checkout", apiToken, PlatformClient.checkoutBody(reference));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("order_id").asString();
    }

    private void approve(String order, int ordersPort) throws Exception {
        PlatformClient.Answer approved = call("POST", "http://127.0.0.1:" + ordersPort + "/internal/orders/" + order
                + "/checkout-decision", tools(), "{\"decision\": \"approved\"}");
        assertThat(approved.status()).as(approved.body()).isLessThan(300);
    }

    /** Authorise once the approval has landed (a 409 until then changes nothing). */
    private void authorise(String order) {
        await().atMost(PATIENCE).until(() -> call("POST", "/orders/" + order + "/authorise", apiToken, null).status() == 200);
    }

    private void capture(String order) throws Exception {
        PlatformClient.Answer captured = call("POST", "/payments/capture", apiToken, """
                {"order_id": "%s", "total_amount": {"amount": 300.00, "currency": "SAR"},
                 "shipping_info": {"shipped_at": "2026-11-20T10:00:00Z", "shipping_company": "SMSA"}}""".formatted(order));
        assertThat(captured.status()).as(captured.body()).isEqualTo(200);
    }

    private String toolsToken;
    private Instant toolsTokenAt = Instant.EPOCH;

    /** A sandbox-tools service token (they live 5 minutes) from whichever identity replica answers. */
    private String tools() throws Exception {
        if (Instant.now().isBefore(toolsTokenAt.plus(Duration.ofMinutes(2)))) {
            return toolsToken;
        }
        Exception last = null;
        for (String replica : replicas("identity-service")) {
            try {
                toolsToken = clients.sandboxToolsToken(URI.create(url(replica, "")));
                toolsTokenAt = Instant.now();
                return toolsToken;
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    // ---------------------------------------------------------------- what the platform did

    /** Webhooks the receiver got for these orders, counted per "order_id event_type". */
    private Map<String, Integer> received(List<String> orders) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LoggedRequest request : receiver.findAll(postRequestedFor(urlPathEqualTo(hookPath)))) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String order = body.path("order_id").asString();
            if (orders.contains(order)) {
                counts.merge(order + " " + body.path("event_type").asString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<String> receivedIds(List<String> orders) {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(hookPath))).stream()
                .filter(request -> orders.contains(JSON.readTree(request.getBodyAsString()).path("order_id").asString()))
                .map(request -> request.getHeader("webhook-id")).toList();
    }

    private static Set<String> pairs(List<String> orders, String... events) {
        return orders.stream().flatMap(order -> Stream.of(events).map(event -> order + " " + event))
                .collect(Collectors.toSet());
    }

    /** Records on the topic since this test began, per CloudEvents id among the given ones. */
    private Map<String, Integer> publishedOnTopic(String topic, Set<String> eventIds) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProcess.BOOTSTRAP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> since = partitions.stream().collect(Collectors.toMap(Function.identity(),
                    p -> began.minusSeconds(60).toEpochMilli()));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.offsetsForTimes(since).forEach((partition, offset) ->
                    consumer.seek(partition, offset == null ? end.get(partition) : offset.offset()));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String value = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                    if (value != null && eventIds.contains(value)) {
                        counts.merge(value, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** Log lines of every replica of the service that carry the phrase followed by one of the event ids. */
    private static Map<String, Integer> logCounts(String service, String phrase, Set<String> eventIds) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote(phrase) + "([0-9a-f-]{36})");
        Map<String, Integer> counts = new HashMap<>();
        for (String replica : replicas(service)) {
            Path log = RUN.log(replica);
            if (!Files.exists(log)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find() && eventIds.contains(matcher.group(1))) {
                        counts.merge(matcher.group(1), 1, Integer::sum);
                    }
                });
            }
        }
        return counts;
    }

    private static List<Map<String, Object>> query(String database, String sql, Object... parameters) throws Exception {
        Properties login = new Properties();
        login.setProperty("user", PG.user());
        if (PG.password() != null) {
            login.setProperty("password", PG.password());
        }
        try (Connection connection = DriverManager.getConnection(PG.jdbcUrl(database), login);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The metric's value summed over its series in the replica's scrape; zero when the replica does not answer. */
    private static double gauge(String replica, String metric) {
        PlatformClient.Answer scrape;
        try {
            scrape = call("GET", url(replica, "/actuator/prometheus"), null, null);
        } catch (Exception e) {
            return 0;
        }
        return scrape.body().lines()
                .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void kill(String replica) throws Exception {
        long pid = Long.parseLong(Files.readString(RUN.pids().resolve(replica + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();   // SIGKILL: no shutdown hook, no graceful leave of the consumer group
        await().atMost(PATIENCE).until(() -> !process.isAlive());
        killed.add(replica);
    }

    private static List<String> replicas(String service) {
        return SharedPlatform.replicas(service);
    }

    private static String url(String replica, String path) {
        String service = replica.replaceFirst("-2$", "");
        int port = Replicas.replicaPort(PORTS.get(service), replica.endsWith("-2") ? 2 : 1);
        return "http://127.0.0.1:" + port + path;
    }

    private static String firstPreviousHash() throws Exception {
        return Base64.getEncoder().encodeToString(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest("0".getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Kafka's own metrics, from an exporter beside the broker (docs/operations.md), not from the services. */
    private static final Set<String> EXPORTER_METRICS = Set.of("kafka_consumergroup_lag", "kafka_topic_partition_current_offset");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "rate", "irate", "increase", "delta", "max", "min",
            "avg", "count", "histogram_quantile", "and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "clamp_min", "clamp_max", "abs", "topk", "bottomk", "time", "vector",
            "max_over_time", "min_over_time", "avg_over_time", "absent", "le", "deriv", "changes", "label_replace");

    /** The metric names in a PromQL expression: without label matchers, grouping lists, ranges, numbers and functions. */
    static Set<String> metricNames(String expression) {
        String stripped = expression.replaceAll("\\{[^}]*}", " ").replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher words = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(stripped);
        while (words.find()) {
            if (!PROMQL_WORDS.contains(words.group())) {
                names.add(words.group());
            }
        }
        return names;
    }
}
