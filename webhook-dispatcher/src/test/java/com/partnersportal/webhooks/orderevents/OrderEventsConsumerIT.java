package com.partnersportal.webhooks.orderevents;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.kit.events.CloudEventHeaders;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.testsupport.OrderEventConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import com.partnersportal.testsupport.TopicReader;
import com.partnersportal.webhooks.testing.OrderEvents;
import com.partnersportal.webhooks.testing.Receiver;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * orders-service's samples, about a merchant with an endpoint that subscribes to every order event; the consumer
 * takes them in batches, so also an unreadable event among good ones.
 */
@WebhooksIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderEventsConsumerIT extends OrderEventConsumerContract {

    private static final String PATH = "/hook/" + UUID.randomUUID();
    private static Receiver receiver;

    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @LocalServerPort
    int port;

    private UUID merchant;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
        receiver.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(ok()));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void subscribe() {
        merchant = UUID.randomUUID();
        new WebhooksApi(port).register(merchant, receiver.url(PATH), WebhooksApi.ALL_EVENTS);
    }

    @Override
    protected String eventType() {
        return OrderApproved.TYPE;
    }

    @Override
    protected SampleEvent prepare(SampleEvent event) {
        return event.with("/order/merchant_id", merchant);
    }

    @Test
    void anEventThatCannotBeHandledAmongOthersIsParkedAloneAndTheOthersHaveTheirEffectOnce() {
        String key = UUID.randomUUID().toString();
        OrderEvents.Order before = OrderEvents.Order.of(merchant);
        OrderEvents.Order poison = OrderEvents.Order.of(merchant);
        OrderEvents.Order after = OrderEvents.Order.of(merchant);
        try (TopicReader deadLetters = new TopicReader(brokers, deadLetterTopic());
             OrderEvents events = new OrderEvents(brokers)) {
            ProducerRecord<String, byte[]> bad = events.approvedRecord(poison, key);
            bad.headers().remove(CloudEventHeaders.ID);
            // One key, so one partition, sent together: one poll takes them, in this order.
            events.sendTogether(List.of(events.approvedRecord(before, key), bad, events.approvedRecord(after, key)));

            var parked = deadLetters.awaitRecord(record -> key.equals(record.key()), Duration.ofSeconds(60));
            assertThat(TopicReader.value(parked)).contains(poison.id().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(after.id()) == 1);
            assertThat(deadLetters.recordsMatching(record -> key.equals(record.key()))).hasSize(1);
        }
        assertThat(effectsOf(before.id())).isEqualTo(1);
        assertThat(effectsOf(poison.id())).isZero();
    }

    @Test
    void eachEventOfABatchIsHandledInItsPublishersTrace(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String otherTraceId = "0af7651916cd43dd8448eb211c80319c";
        String key = UUID.randomUUID().toString();
        try (OrderEvents events = new OrderEvents(brokers)) {
            ProducerRecord<String, byte[]> traced = events.approvedRecord(OrderEvents.Order.of(merchant), key);
            traced.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
            ProducerRecord<String, byte[]> other = events.approvedRecord(OrderEvents.Order.of(merchant), key);
            other.headers().add("traceparent", ("00-" + otherTraceId + "-b7ad6b7169203331-01")
                    .getBytes(StandardCharsets.UTF_8));
            // One key, so one partition, sent together: one poll, one transaction, two traces.
            events.sendTogether(List.of(traced, other));
            String tracedId = new String(traced.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
            String otherId = new String(other.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);

            await().atMost(Duration.ofSeconds(30)).until(() -> consumedLine(output, tracedId) != null
                    && consumedLine(output, otherId) != null);
            assertThat(consumedLine(output, tracedId)).contains(traceId);
            assertThat(consumedLine(output, otherId)).contains(otherTraceId);
        }
    }

    private static String consumedLine(CapturedOutput output, String eventId) {
        return output.getOut().lines().filter(line -> line.contains("Consumed event " + eventId)).findFirst().orElse(null);
    }

    /** The merchant's webhook about the order, made once per event. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM webhook_message WHERE order_id = :id AND event_type = 'order_approved'")
                .param("id", orderId).query(Long.class).single();
    }
}
