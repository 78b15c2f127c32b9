package com.partnersportal.webhooks.orderevents;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.testsupport.OrderEventConsumerContract;
import com.partnersportal.testsupport.SampleEvent;
import com.partnersportal.webhooks.testing.Receiver;
import com.partnersportal.webhooks.testing.WebhooksApi;
import com.partnersportal.webhooks.testing.WebhooksIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** orders-service's samples, about a merchant with an endpoint that subscribes to every order event. */
@WebhooksIntegrationTest
class OrderEventsConsumerIT extends OrderEventConsumerContract {

    private static final String PATH = "/hook/" + UUID.randomUUID();
    private static Receiver receiver;

    @Autowired
    JdbcClient jdbc;
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

    /** The merchant's webhook about the order, made once per event. */
    @Override
    protected long effectsOf(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM webhook_message WHERE order_id = :id AND event_type = 'order_approved'")
                .param("id", orderId).query(Long.class).single();
    }
}
