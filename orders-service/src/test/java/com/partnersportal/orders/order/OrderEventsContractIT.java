package com.partnersportal.orders.order;

import static com.partnersportal.orders.testing.Orders.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.contracttest.ContractSamples;
import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderCreated;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderReferenceChanged;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderTopics;
import com.partnersportal.orders.testing.Orders;
import com.partnersportal.orders.testing.OrdersApi;
import com.partnersportal.orders.testing.OrdersIntegrationTest;
import com.partnersportal.orders.testing.TestMerchants;
import com.partnersportal.testsupport.PublishedEvents;
import com.partnersportal.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The order-event contract, pinned as consumers see it on the topic: one versioned type per change, keyed by
 * order id, CloudEvents headers, and a payload carrying the operation, the order's new status and totals, the
 * merchant and legal entity, and the actor.
 */
@OrdersIntegrationTest
class OrderEventsContractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource database;

    private TopicReader topic;
    private Orders orders;
    private UUID merchant;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(brokers, OrderTopics.ORDER_EVENTS);
        merchant = TestMerchants.register(jdbc);
        orders = new Orders(new OrdersApi(port), merchant);
    }

    @AfterEach
    void close() {
        topic.close();
        PublishedEvents.assertOutboxConformsToContractSamples(database);
    }

    @Test
    void eachChangeOfAnOrdersLifePublishesItsOwnEventInOrder() {
        UUID order = orders.authorisedOrder("REF-CONTRACT", "BH", "BHD", "20.500");
        OrdersApi.Answer capture = expectStatus(orders.capture(order, "12.250", "BHD"), 200);
        OrdersApi.Answer refund = expectStatus(orders.refund(order, "2.125", "BHD", "BH-R-1"), 200);
        new OrdersApi(port).asMerchant(merchant, HttpMethod.PUT, "/orders/" + order + "/reference-id",
                "{\"order_reference_id\": \"REF-CONTRACT-2\"}");

        List<ConsumerRecord<String, byte[]>> records = awaitEvents(order, 6);
        assertConformToSamples(records);
        assertThat(records).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE)).containsExactly(
                OrderCreated.TYPE, OrderApproved.TYPE, OrderAuthorised.TYPE, OrderCaptured.TYPE, OrderRefunded.TYPE,
                OrderReferenceChanged.TYPE);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(order.toString());
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(order.toString());
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/partners-portal/orders");
            assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
        });

        JsonNode created = payload(records.get(0));
        JsonNode snapshot = created.get("order");
        assertThat(snapshot.get("merchant_id").asString()).isEqualTo(merchant.toString());
        assertThat(snapshot.get("legal_entity_id").asString())
                .isEqualTo(TestMerchants.entityIn(jdbc, merchant, "BH").toString());
        assertThat(snapshot.get("status").asString()).isEqualTo("new");
        assertThat(snapshot.get("previous_status").isNull()).isTrue();
        assertThat(snapshot.get("country_code").asString()).isEqualTo("BH");
        assertThat(snapshot.get("totals").get("total_amount").toString())
                .isEqualTo("{\"amount\":20.500,\"currency\":\"BHD\"}");
        assertThat(created.get("actor").get("type").asString()).isEqualTo("api_token");
        assertThat(created.get("occurred_at").asString()).endsWith("Z");

        JsonNode approved = payload(records.get(1));
        assertThat(approved.get("order").get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("order").get("previous_status").asString()).isEqualTo("new");
        assertThat(approved.get("actor").get("type").asString()).isEqualTo("checkout");

        assertThat(payload(records.get(2)).get("auto_captured").asBoolean()).isFalse();

        JsonNode captured = payload(records.get(3));
        assertThat(captured.get("capture_id").asString()).isEqualTo(capture.text("capture_id"));
        assertThat(captured.get("captured_amount").toString()).isEqualTo("{\"amount\":12.250,\"currency\":\"BHD\"}");
        assertThat(captured.get("automatic").asBoolean()).isFalse();
        assertThat(captured.get("order").get("status").asString()).isEqualTo("partially_captured");
        assertThat(captured.get("order").get("totals").get("captured_amount").get("amount").toString()).isEqualTo("12.250");

        JsonNode refunded = payload(records.get(4));
        assertThat(refunded.get("refund_id").asString()).isEqualTo(refund.text("refund_id"));
        assertThat(refunded.get("capture_id").asString()).isEqualTo(capture.text("capture_id"));
        assertThat(refunded.get("refunded_amount").get("amount").toString()).isEqualTo("2.125");
        assertThat(refunded.get("comment").asString()).isEqualTo("Returned by the customer");
        assertThat(refunded.get("merchant_refund_id").asString()).isEqualTo("BH-R-1");
        assertThat(refunded.get("allocations")).hasSize(1);
        assertThat(refunded.get("order").get("totals").get("refunded_amount").get("amount").toString()).isEqualTo("2.125");

        JsonNode referenceChanged = payload(records.get(5));
        assertThat(referenceChanged.get("previous_order_reference_id").asString()).isEqualTo("REF-CONTRACT");
        assertThat(referenceChanged.get("order").get("order_reference_id").asString()).isEqualTo("REF-CONTRACT-2");
    }

    @Test
    void declinesAndCancelsCarryTheirReasonsAndAmounts() {
        UUID declined = orders.saudiCheckout("REF-CONTRACT-DECL", "10.00");
        orders.decide(declined, "declined");
        UUID canceled = orders.authorisedSaudiOrder("REF-CONTRACT-CXL", "10.00");
        OrdersApi.Answer cancel = expectStatus(orders.cancel(canceled, "4.00", "SAR"), 200);

        assertConformToSamples(awaitEvents(declined, 2));
        assertConformToSamples(awaitEvents(canceled, 4));
        JsonNode decline = payload(awaitEvents(declined, 2).get(1));
        assertThat(decline.get("declined_reason").asString()).isEqualTo("insufficient funds");
        assertThat(decline.get("declined_code").asString()).isEqualTo("D01");
        assertThat(decline.get("decline_type").asString()).isEqualTo("soft");
        assertThat(decline.get("order").get("status").asString()).isEqualTo("declined");

        ConsumerRecord<String, byte[]> cancelRecord = awaitEvents(canceled, 4).get(3);
        assertThat(TopicReader.header(cancelRecord, CloudEventHeaders.TYPE)).isEqualTo(OrderCanceled.TYPE);
        JsonNode canceledEvent = payload(cancelRecord);
        assertThat(canceledEvent.get("cancel_id").asString()).isEqualTo(cancel.text("cancel_id"));
        assertThat(canceledEvent.get("canceled_amount").get("amount").toString()).isEqualTo("4.00");
        assertThat(canceledEvent.get("order").get("status").asString()).isEqualTo("updated");
        assertThat(canceledEvent.get("order").get("totals").get("canceled_amount").get("amount").toString()).isEqualTo("4.00");
    }

    private List<ConsumerRecord<String, byte[]>> awaitEvents(UUID order, int count) {
        return await().atMost(PATIENCE).until(() -> topic.recordsMatching(r -> order.toString().equals(r.key())),
                records -> records.size() >= count);
    }

    /** What the broker really carried matches the orders-contract sample and schema of its type. */
    private static void assertConformToSamples(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(record -> ContractSamples.assertConforms(OrderTopics.ORDER_EVENTS,
                TopicReader.header(record, CloudEventHeaders.TYPE), record.value()));
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return OrdersApi.JSON.readTree(TopicReader.value(record));
    }
}
