package com.partnersportal.launcher;

import static com.partnersportal.launcher.PlatformClient.JSON;
import static com.partnersportal.launcher.PlatformClient.call;
import static com.partnersportal.launcher.PlatformClient.link;
import static com.partnersportal.launcher.PlatformClient.mailsTo;
import static com.partnersportal.launcher.PlatformClient.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command, end to end, and the platform as its users meet it through the gateway:
 * {@code ./portal start} brings the six services up healthy (with {@code --replicas}) and a second start changes
 * nothing; an order is consumed once by each consumer; an
 * invited user activates from the mailed link and signs in with their role's rights; an export's mailed link
 * downloads the CSV; a registered webhook receives an order's approval, signed with its secret; another merchant
 * sees nothing of the demo merchant on any route that takes an id; a poison message is parked and replayed with {@code ./portal dead-letters}.
 * It runs on two replicas of every backend service, the platform {@link ReplicasIT} uses next ({@link SharedPlatform},
 * which stops it after the last class and checks that {@code ./portal stop} leaves no process).
 */
@Order(1)
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {

    private static final Path ROOT = PortalCommand.ROOT;
    /** The services that consume order events. */
    private static final List<String> CONSUMERS = List.of("settlement-service", "webhook-dispatcher");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private JsonNode credentials;
    private String apiToken;
    private String admin;
    private ServiceClientSecrets clients;

    @BeforeAll
    void start() throws Exception {
        PortalCommand.Result started = SharedPlatform.start();
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(started.output()).contains("SANDBOX");
        credentials = JSON.readTree(Files.readString(ROOT.resolve(".run/demo-credentials.json")));
        apiToken = credentials.get("api_token").get("token").asString();
        // The first request after "all healthy" meets cold services (on a busy machine the gateway may answer it 504,
        // "try again shortly"): the admin's sign-in is retried until it succeeds; later sign-ins are not.
        admin = await().atMost(PATIENCE).ignoreExceptions().until(() -> signIn(credentials.get("admin").get("email")
                .asString(), credentials.get("admin").get("password").asString()), token -> token != null);
        clients = ServiceClientSecrets.load(new RunDirectory(ROOT));
    }

    @Test
    @Order(1)
    void theServicesInternalEndpointsAnswerOnlyAServiceTokenWithTheirScope() throws Exception {
        String merchant = credentials.get("merchant").get("id").asString();
        String recipients = "http://127.0.0.1:8081/internal/merchants/" + merchant + "/recipients?permission=users.manage";
        String tools = clients.sandboxToolsToken(java.net.URI.create("http://127.0.0.1:8081"));

        for (String bearer : new String[] {null, admin, apiToken, "forged." + tools.substring(tools.indexOf('.') + 1)}) {
            assertThat(call("GET", recipients, bearer, null).status()).isEqualTo(401);
            assertThat(call("POST", "http://127.0.0.1:8081/internal/api-tokens/introspect", bearer,
                    "{\"token\": \"" + apiToken + "\"}").status()).isEqualTo(401);
            assertThat(call("POST", "http://127.0.0.1:8082/internal/orders/" + UUID.randomUUID() + "/checkout-decision",
                    bearer, "{\"decision\": \"approved\"}").status()).isEqualTo(401);
            for (int port = 8081; port <= 8085; port++) {
                assertThat(call("GET", "http://127.0.0.1:" + port + "/internal/clock", bearer, null).status())
                        .as("clock on :%d", port).isEqualTo(401);
            }
        }
        assertThat(call("GET", recipients, tools, null).status()).as("sandbox tools may not list recipients")
                .isEqualTo(403);
        assertThat(call("GET", "http://127.0.0.1:8083/internal/clock", tools, null).status()).isEqualTo(200);
        assertThat(call("POST", "http://127.0.0.1:8082/checkout", null, "{}").status()).isEqualTo(401);
        PlatformClient.Answer merchantHeader = PlatformClient.callWith("GET", "http://127.0.0.1:8084/webhooks",
                java.util.Map.of("X-Merchant-Id", merchant));
        assertThat(merchantHeader.status()).as("X-Merchant-Id is no credential").isEqualTo(401);
    }

    @Test
    @Order(1)
    void aSecondStartSaysThePlatformRunsAndChangesNothing() throws Exception {
        PortalCommand.Result again = portal("start");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running");
    }

    @Test
    @Order(2)
    void anOrderPostedThroughTheGatewayIsConsumedOnceByEachConsumer() throws Exception {
        String orderId = checkout(apiToken, "E2E-1");

        for (String consumer : CONSUMERS) {
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(consumedLogLines(consumer, orderId)).as("%s consumed order %s", consumer, orderId).isEqualTo(1));
        }
    }

    @Test
    @Order(3)
    void anInvitedUserActivatesFromTheMailedLinkAndHasExactlyTheirRolesRights() throws Exception {
        String email = "viewer-" + UUID.randomUUID() + "@demo.example";
        PlatformClient.Answer invited = call("POST", "/portal/v1/users", admin, """
                {"email": "%s", "full_name": "Reem Al-Dosari", "locale": "en", "role": "viewer"}""".formatted(email));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);

        String mail = await().atMost(PATIENCE).until(() -> mailsTo(email), mails -> !mails.isEmpty()).getFirst();
        String activationLink = link(mail, PlatformClient.GATEWAY + "/activate?token=");
        assertThat(call("GET", activationLink, null, null).status()).as("the mailed link opens").isEqualTo(200);
        String token = activationLink.substring(activationLink.indexOf("token=") + "token=".length());
        String password = "Correct-Horse-" + UUID.randomUUID();
        PlatformClient.Answer activated = call("POST", "/auth/v1/activation", null,
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, password));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(call("POST", "/auth/v1/activation", null,
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, password)).status())
                .as("a used link is refused").isBetween(400, 499);

        String viewer = signIn(email, password);
        String orderId = checkout(apiToken, "E2E-VIEWER");
        assertThat(call("GET", "/portal/v1/orders/" + orderId, viewer, null).status()).isEqualTo(200);
        assertThat(call("POST", "/portal/v1/orders/" + orderId + "/refunds", viewer,
                "{\"total_amount\": {\"amount\": 1.00, \"currency\": \"SAR\"}, \"comment\": \"no\"}").status()).isEqualTo(403);
        assertThat(call("GET", "/portal/v1/users", viewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/portal/v1/users", admin, null).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anExportIsMailedToTheUserAndItsLinkDownloadsTheOrders() throws Exception {
        String reference = "E2E-EXPORT-" + UUID.randomUUID();
        checkout(apiToken, reference);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
        PlatformClient.Answer requested = call("POST", "/portal/v1/order-exports", admin,
                "{\"created_from\": \"%s\", \"created_to\": \"%s\"}".formatted(today.minusDays(1), today));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);

        String adminEmail = credentials.get("admin").get("email").asString();
        String mail = await().atMost(PATIENCE).until(() -> mailsTo(adminEmail).stream()
                .filter(text -> text.contains("/downloads/order-exports/")).findFirst().orElse(null), text -> text != null);
        HttpResponse<byte[]> csv = PlatformClient.download(link(mail, PlatformClient.GATEWAY + "/downloads/order-exports/"));

        assertThat(csv.statusCode()).isEqualTo(200);
        String content = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFForder_id,order_reference_id").contains(reference);
    }

    @Test
    @Order(5)
    void anotherMerchantSeesAndChangesNothingOfTheDemoMerchantOnAnyRouteThatTakesAnId() throws Exception {
        String operator = signIn(credentials.get("operator").get("email").asString(),
                credentials.get("operator").get("password").asString());
        String otherMerchant = call("POST", "/operator/v1/merchants", operator,
                "{\"name_en\": \"Other Shop\", \"name_ar\": \"متجر آخر\"}").json().get("id").asString();
        // The local run keeps its databases between runs, so the registration number must be new each time.
        String registration = "10" + (10_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 89_999_999L));
        assertThat(call("POST", "/operator/v1/merchants/" + otherMerchant + "/legal-entities", operator, """
                {"legal_name_en": "Other Shop LLC", "legal_name_ar": "متجر آخر ذ.م.م", "country_code": "SA",
                 "commercial_registration": "%s", "vat_number": "300000000000103",
                 "address": "Olaya St 1, Riyadh"}""".formatted(registration)).status()).isEqualTo(201);
        String otherAdminEmail = "admin-" + UUID.randomUUID() + "@other.example";
        call("POST", "/operator/v1/merchants/" + otherMerchant + "/admins", operator,
                "{\"email\": \"%s\", \"full_name\": \"Other Admin\", \"locale\": \"en\"}".formatted(otherAdminEmail));
        String invitation = await().atMost(PATIENCE).until(() -> mailsTo(otherAdminEmail), mails -> !mails.isEmpty()).getFirst();
        String activation = link(invitation, PlatformClient.GATEWAY + "/activate?token=");
        String password = "Another-Strong-" + UUID.randomUUID();
        call("POST", "/auth/v1/activation", null, "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(activation.substring(activation.indexOf("token=") + 6), password));
        String otherAdmin = signIn(otherAdminEmail, password);
        String otherApiToken = call("POST", "/portal/v1/api-tokens", otherAdmin, "{\"name\": \"shop\"}").json()
                .get("token").asString();

        String order = checkout(apiToken, "E2E-MINE");
        String demoUser = call("GET", "/portal/v1/users", admin, null).json().get("users").get(0).get("id").asString();
        String demoToken = credentials.get("api_token").get("id").asString();
        String capture = "{\"order_id\": \"%s\", \"total_amount\": {\"amount\": 1.00, \"currency\": \"SAR\"},"
                + " \"shipping_info\": {\"shipped_at\": \"2026-11-20T10:00:00Z\", \"shipping_company\": \"SMSA\"}}";
        String money = "{\"total_amount\": {\"amount\": 1.00, \"currency\": \"SAR\"}, \"comment\": \"x\"}";
        List<String> leaks = new ArrayList<>();
        for (String[] attempt : List.of(
                new String[] {"api", "GET", "/merchants/orders/" + order, null},
                new String[] {"api", "GET", "/merchants/orders/reference-id/E2E-MINE", null},
                new String[] {"api", "POST", "/orders/" + order + "/authorise", null},
                new String[] {"api", "POST", "/orders/" + order + "/cancel", money},
                new String[] {"api", "POST", "/payments/capture", capture.formatted(order)},
                new String[] {"api", "POST", "/payments/simplified-refund/" + order, money},
                new String[] {"api", "PUT", "/orders/" + order + "/reference-id", "{\"order_reference_id\": \"STOLEN\"}"},
                new String[] {"user", "GET", "/portal/v1/orders/" + order, null},
                new String[] {"user", "POST", "/portal/v1/orders/" + order + "/captures", capture.formatted(order)},
                new String[] {"user", "POST", "/portal/v1/orders/" + order + "/refunds", money},
                new String[] {"user", "POST", "/portal/v1/orders/" + order + "/cancels", money},
                new String[] {"user", "GET", "/portal/v1/users/" + demoUser, null},
                new String[] {"user", "PATCH", "/portal/v1/users/" + demoUser, "{\"role\": \"viewer\"}"},
                new String[] {"user", "POST", "/portal/v1/users/" + demoUser + "/disable", null},
                new String[] {"user", "DELETE", "/portal/v1/users/" + demoUser, null},
                new String[] {"user", "DELETE", "/portal/v1/api-tokens/" + demoToken, null})) {
            PlatformClient.Answer answer = call(attempt[1], attempt[2], attempt[0].equals("api") ? otherApiToken : otherAdmin,
                    attempt[3]);
            if (answer.status() != 404) {
                leaks.add("%s %s answered %d %s".formatted(attempt[1], attempt[2], answer.status(), answer.body()));
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(call("GET", "/merchants/orders/" + order, apiToken, null).json().get("status").asString()).isEqualTo("new");
        assertThat(call("GET", "/portal/v1/orders?q=E2E-MINE", otherAdmin, null).json().get("orders")).isEmpty();
        assertThat(call("GET", "/portal/v1/users/" + demoUser, admin, null).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aMessageNoConsumerCanHandleIsParkedListedAndReplayed() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        publishWithoutEventId(poisonKey);
        String deadLetterTopic = "error.orders.order-events.v1.settlement-service";
        await().atMost(PATIENCE).until(() -> portal("dead-letters", "list", deadLetterTopic).output()
                .lines().filter(line -> line.contains("key=" + poisonKey)).count() == 1);

        PortalCommand.Result replayed = portal("dead-letters", "replay", deadLetterTopic);
        assertThat(replayed.exitCode()).as(replayed.output()).isZero();
        assertThat(replayed.output()).contains("to orders.order-events.v1");
        // Still unreadable, so the replayed record is retried and parked once more.
        await().atMost(PATIENCE).until(() -> portal("dead-letters", "list", deadLetterTopic).output()
                .lines().filter(line -> line.contains("key=" + poisonKey)).count() == 2);
    }

    @Test
    @Order(7)
    void aRegisteredWebhookReceivesTheOrdersApprovalSignedWithItsSecret() throws Exception {
        BlockingQueue<ReceivedWebhook> received = new LinkedBlockingQueue<>();
        // A path of its own each run: the local run keeps its databases, and one URL is registered once per merchant.
        String path = "/hook/" + UUID.randomUUID();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(path, exchange -> {
            received.add(new ReceivedWebhook(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        List<String> registeredEndpoints = new ArrayList<>();
        try {
            PlatformClient.Answer registered = call("POST", "/portal/v1/webhooks", admin, """
                    {"type": "order", "url": "http://127.0.0.1:%d%s", "events": ["order_approved"],
                     "description": "e2e receiver"}""".formatted(receiver.getAddress().getPort(), path));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String endpoint = registered.json().get("webhook_id").asString();
            registeredEndpoints.add(endpoint);
            String secret = call("GET", "/portal/v1/webhooks/" + endpoint + "/secret", admin, null).json()
                    .get("secret").asString();

            String order = checkout(apiToken, "E2E-WEBHOOK-" + UUID.randomUUID());
            PlatformClient.Answer approved = call("POST", "http://127.0.0.1:8082/internal/orders/" + order
                    + "/checkout-decision", clients.sandboxToolsToken(java.net.URI.create("http://127.0.0.1:8081")),
                    "{\"decision\": \"approved\"}");
            assertThat(approved.status()).as(approved.body()).isLessThan(300);

            ReceivedWebhook webhook = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(webhook).as("a webhook within %s", PATIENCE).isNotNull();
            JsonNode body = JSON.readTree(webhook.body());
            assertThat(body.get("order_id").asString()).isEqualTo(order);
            assertThat(body.get("event_type").asString()).isEqualTo("order_approved");
            assertThat(webhook.signature()).contains("v1," + StandardWebhookSignature.of(secret, webhook));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(call("GET", "/portal/v1/webhooks/messages?endpoint_id="
                    + endpoint, admin, null).json().get("messages").get(0).get("status").asString()).isEqualTo("delivered"));
        } finally {
            for (String endpoint : registeredEndpoints) {
                call("DELETE", "/portal/v1/webhooks/" + endpoint, admin, null);
            }
            receiver.stop(0);
        }
    }

    private record ReceivedWebhook(String id, String timestamp, String signature, byte[] body) {
    }

    /** The Standard Webhooks signature, computed here independently of the dispatcher's code. */
    private static final class StandardWebhookSignature {

        static String of(String secret, ReceivedWebhook webhook) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((webhook.id() + "." + webhook.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(webhook.body()));
        }
    }

    private static String checkout(String apiToken, String reference) throws Exception {
        PlatformClient.Answer answer = call("POST", "/checkout", apiToken, PlatformClient.checkoutBody(reference));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("order_id").asString();
    }

    private static void publishWithoutEventId(String key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders.order-events.v1", key, "{\"not\": \"an order event\"}")).get();
        }
    }

    /** In the logs of all the service's replicas. */
    private static long consumedLogLines(String service, String orderId) throws IOException {
        long count = 0;
        for (String replica : SharedPlatform.replicas(service)) {
            Path log = ROOT.resolve(".run/logs/" + replica + ".log");
            if (Files.exists(log)) {
                try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    count += lines.filter(line -> line.contains("Consumed event") && line.contains("order-created")
                            && line.contains(orderId)).count();
                }
            }
        }
        return count;
    }

    private static PortalCommand.Result portal(String... command) throws IOException, InterruptedException {
        return PortalCommand.run(Map.of(), command);
    }
}
