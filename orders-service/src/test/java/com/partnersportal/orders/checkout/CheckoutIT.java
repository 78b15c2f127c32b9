package com.partnersportal.orders.checkout;

import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.CheckoutBodies;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@OrdersIntegrationTest
class CheckoutIT {

    /** Reads numbers as the exact decimals on the wire, so "300.00" is not mistaken for 300.0. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private String merchant;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    private TopicReader orderEvents;

    @BeforeEach
    void readOrderEvents() {
        merchant = TestMerchants.register(jdbc).toString();
        orderEvents = new TopicReader(brokers, OrderTopics.ORDER_EVENTS);
    }

    @AfterEach
    void close() {
        orderEvents.close();
    }

    @Test
    void checkoutCreatesANewOrderAndPublishesOrderCreatedKeyedByOrderId() {
        ResponseEntity<String> response = post(merchant, CheckoutBodies.saudiOrder("REF-1001"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        String orderId = body.get("order_id").asString();
        assertThat(body.get("status").asString()).isEqualTo("new");
        // In a sandbox the link opens the portal's sandbox checkout page for this order (SandboxCheckoutIT).
        assertThat(body.get("checkout_url").asString()).contains("/portal/checkout/" + orderId + "?token=");

        ConsumerRecord<String, byte[]> record = orderEvents.awaitRecord(r -> orderId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(OrderCreated.TYPE);
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/partners-portal/orders");
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();

        JsonNode event = JSON.readTree(TopicReader.value(record));
        JsonNode order = event.get("order");
        assertThat(order.get("order_id").asString()).isEqualTo(orderId);
        assertThat(order.get("merchant_id").asString()).isEqualTo(merchant);
        assertThat(order.get("order_reference_id").asString()).isEqualTo("REF-1001");
        assertThat(order.get("order_number").asString()).isEqualTo("N-REF-1001");
        assertThat(order.get("status").asString()).isEqualTo("new");
        assertThat(order.get("totals").get("total_amount").get("amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(order.get("totals").get("total_amount").get("amount").toString()).isEqualTo("300.00");
        assertThat(order.get("totals").get("total_amount").get("currency").asString()).isEqualTo("SAR");
        assertThat(order.get("totals").get("total_amount").size()).as("money is amount and currency, nothing else").isEqualTo(2);
        assertThat(order.get("country_code").asString()).isEqualTo("SA");
    }

    @Test
    void theCallersTraceContinuesOnTheKafkaRecord() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ResponseEntity<String> response = RestClient.create("http://localhost:" + port).post().uri("/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + OrdersApi.apiToken(UUID.fromString(merchant)))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(CheckoutBodies.saudiOrder("REF-TRACE"))
                .retrieve().toEntity(String.class);

        String orderId = JSON.readTree(response.getBody()).get("order_id").asString();
        ConsumerRecord<String, byte[]> record = orderEvents.awaitRecord(r -> orderId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TopicReader.header(record, "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void keepsKuwaitiAmountsAtThreeDecimals() {
        ResponseEntity<String> response = post(merchant, CheckoutBodies.order("REF-KW", "KW", "KWD", "12.125"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        String orderId = JSON.readTree(response.getBody()).get("order_id").asString();
        JsonNode event = JSON.readTree(TopicReader.value(
                orderEvents.awaitRecord(r -> orderId.equals(r.key()), Duration.ofSeconds(20))));
        assertThat(event.get("order").get("totals").get("total_amount").get("amount").toString()).isEqualTo("12.125");
    }

    @Test
    void refusesACurrencyThatIsNotTheCountrysAndStoresNothing() {
        ResponseEntity<String> response = post(merchant, CheckoutBodies.order("REF-BAD", "SA", "AED", "100.00"));

        assertProblem(response, 400, "total_amount_invalid_currency");
        assertNothingStoredFor("REF-BAD");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertProblem(post(merchant, CheckoutBodies.order("REF-PREC", "SA", "SAR", "10.005")), 400,
                "amount_invalid_precision");
        assertNothingStoredFor("REF-PREC");
    }

    @Test
    void refusesNegativeAmounts() {
        assertProblem(post(merchant, CheckoutBodies.order("REF-NEG", "SA", "SAR", "-1.00")), 400, "amount_negative");
        assertNothingStoredFor("REF-NEG");
    }

    @Test
    void refusesMalformedJsonAndWrongTypesWithProblemDetails() {
        assertProblem(post(merchant, "{\"order_reference_id\": "), 400, "invalid_request_body");
        assertProblem(post(merchant, CheckoutBodies.saudiOrder("REF-T").replace("\"quantity\": 2", "\"quantity\": \"two\"")),
                400, "invalid_request_body");
    }

    @Test
    void refusesMissingRequiredFieldsNamingThem() {
        ResponseEntity<String> response = post(merchant, CheckoutBodies.saudiOrder("REF-MISS")
                .replace("\"country_code\": \"SA\",", ""));

        assertProblem(response, 400, "invalid_field");
        assertThat(response.getBody()).contains("\"field\":\"country_code\"");
        assertNothingStoredFor("REF-MISS");
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        String huge = CheckoutBodies.saudiOrder("REF-HUGE").replace("Two lamps", "x".repeat(2_000_000));

        assertProblem(post(merchant, huge), 413, "request_body_too_large");
        assertNothingStoredFor("REF-HUGE");
    }

    @Test
    void refusesHostileStringsLongerThanTheirFieldsAllow() {
        String tooLong = CheckoutBodies.saudiOrder("REF-LONG").replace("Two lamps", "<script>" + "x".repeat(2000));

        assertProblem(post(merchant, tooLong), 400, "invalid_field");
        assertNothingStoredFor("REF-LONG");
    }

    @Test
    void refusesACallerWithoutMerchant() {
        assertProblem(post(null, CheckoutBodies.saudiOrder("REF-ANON")), 401, "unauthenticated");
    }

    private void assertProblem(ResponseEntity<String> response, int status, String errorCode) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors").get(0).get("error_code").asString()).isEqualTo(errorCode);
    }

    private void assertNothingStoredFor(String orderReference) {
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE order_reference_id = :ref")
                .param("ref", orderReference).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE convert_from(payload, 'UTF8') LIKE :ref")
                .param("ref", "%" + orderReference + "%").query(Long.class).single()).isZero();
    }

    private ResponseEntity<String> post(String merchantId, String body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).post().uri("/checkout")
                .contentType(MediaType.APPLICATION_JSON);
        if (merchantId != null) {
            request = request.header("Authorization", "Bearer " + OrdersApi.apiToken(UUID.fromString(merchantId)));
        }
        return request.body(body).retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }
}
