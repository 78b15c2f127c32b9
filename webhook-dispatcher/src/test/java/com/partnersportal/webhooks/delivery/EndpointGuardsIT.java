package com.partnersportal.webhooks.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnersportal.webhooks.testing.OrderEvents;
import com.partnersportal.webhooks.testing.Receiver;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The per-endpoint rate limit and circuit breaker, against a real receiver. */
@WebhooksIntegrationTest
class EndpointGuardsIT {

    private static Receiver receiver;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    final UUID merchant = UUID.randomUUID();

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void anEndpointsRateLimitSpreadsItsDeliveries() {
        WebhooksApi api = new WebhooksApi(port);
        String path = "/limited/" + UUID.randomUUID();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        var created = api.asMerchant(merchant, HttpMethod.POST, "/webhooks", """
                {"url": "%s", "events": ["order_approved"], "rate_limit": 4}""".formatted(receiver.url(path)));
        assertThat(created.status()).isEqualTo(200);
        try (OrderEvents events = new OrderEvents(brokers)) {
            for (int i = 0; i < 16; i++) {
                events.approved(OrderEvents.Order.of(merchant));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(path).size() == 16);
        List<Receiver.Received> got = receiver.at(path);
        // 16 messages at 4 per second (fixed one-second periods): four periods at least, and never 9 within a second
        // (4 at the end of one period and 4 at the start of the next are the most).
        assertThat(Duration.between(got.getFirst().at(), got.getLast().at())).isGreaterThanOrEqualTo(Duration.ofMillis(2000));
        for (int i = 0; i + 8 < got.size(); i++) {
            assertThat(Duration.between(got.get(i).at(), got.get(i + 8).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
    }

    @Test
    void aFailingEndpointsBreakerOpensAndParksItsQueueWithoutSpendingAttempts() {
        WebhooksApi api = new WebhooksApi(port);
        String path = "/failing/" + UUID.randomUUID();
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        UUID endpoint = api.register(merchant, receiver.url(path), List.of("order_approved"));
        try (OrderEvents events = new OrderEvents(brokers)) {
            for (int i = 0; i < 30; i++) {
                events.approved(OrderEvents.Order.of(merchant));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "open".equals(api.asUser(merchant, HttpMethod.GET,
                "/portal/v1/webhooks/" + endpoint + "/health", null).text("circuit")));
        int whenOpened = receiver.at(path).size();
        assertThat(whenOpened).isLessThan(30 * 5);
        // While open (2 s in tests) nothing is sent to it.
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofMillis(1500))
                .until(() -> receiver.at(path).size() <= whenOpened + 1);

        // It recovers: the receiver comes back, the trial succeeds, the queue drains.
        receiver.server.stubFor(post(urlPathEqualTo(path)).willReturn(ok()));
        await().atMost(Duration.ofSeconds(40)).until(() -> receiver.at(path).stream()
                .filter(r -> r.answeredWith() == 200).map(Receiver.Received::id).distinct().count() == 30);
        assertThat(api.asUser(merchant, HttpMethod.GET, "/portal/v1/webhooks/" + endpoint + "/health", null).text("circuit"))
                .isEqualTo("closed");
    }
}
