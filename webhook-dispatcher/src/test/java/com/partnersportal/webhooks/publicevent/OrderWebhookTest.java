package com.partnersportal.webhooks.publicevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.contracttest.ContractSamples;
import com.partnersportal.kit.events.EventJson;
import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderTopics;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** orders-service's samples, read as the intake reads them, make these public bodies, byte for byte. */
class OrderWebhookTest {

    private static final String HEAD = "{\"order_id\":\"0b9a4f1e-6c2d-4a57-9f3e-1d2c3b4a5f60\","
            + "\"order_reference_id\":\"merchant-ref-1001\",\"order_number\":\"ORD-100234\",";

    @Test
    void eventsWithoutDataMakeAnEmptyList() {
        assertThat(body(OrderApproved.TYPE, OrderApproved.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_approved\",\"data\":[]}");
        assertThat(body(OrderAuthorised.TYPE, OrderAuthorised.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_authorised\",\"data\":[]}");
        assertThat(body(OrderExpired.TYPE, OrderExpired.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_expired\",\"data\":[]}");
    }

    @Test
    void aDeclineSaysWhy() {
        assertThat(body(OrderDeclined.TYPE, OrderDeclined.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_declined\","
                + "\"data\":{\"declined_reason\":\"insufficient_limit\",\"declined_code\":\"D-101\",\"decline_type\":\"consumer\"}}");
    }

    @Test
    void moneyKeepsTheCurrencysScale() {
        assertThat(body(OrderCaptured.TYPE, OrderCaptured.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_captured\","
                + "\"data\":{\"capture_id\":\"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\","
                + "\"captured_amount\":{\"amount\":100.00,\"currency\":\"SAR\"}}}");
        assertThat(body(OrderRefunded.TYPE, OrderRefunded.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_refunded\","
                + "\"data\":{\"refund_id\":\"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e\","
                + "\"capture_id\":\"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\","
                + "\"refunded_amount\":{\"amount\":40.00,\"currency\":\"SAR\"},\"comment\":\"damaged item\"}}");
        assertThat(body(OrderCanceled.TYPE, OrderCanceled.class, OrderWebhook::of))
                .isEqualTo(HEAD + "\"event_type\":\"order_canceled\","
                + "\"data\":{\"cancel_id\":\"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a\","
                + "\"canceled_amount\":{\"amount\":300.00,\"currency\":\"SAR\"}}}");
    }

    @Test
    void theMessageKnowsItsOrderMerchantAndTime() {
        OrderWebhook webhook = webhook(OrderCaptured.TYPE, OrderCaptured.class, OrderWebhook::of);
        assertThat(webhook.orderId()).isEqualTo(UUID.fromString("0b9a4f1e-6c2d-4a57-9f3e-1d2c3b4a5f60"));
        assertThat(webhook.merchantId()).isEqualTo(UUID.fromString("5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertThat(webhook.occurredAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
        assertThat(webhook.type()).isEqualTo(PublicEventType.ORDER_CAPTURED);
    }

    private static <T> String body(String type, Class<T> payloadType, Function<T, OrderWebhook> translate) {
        return webhook(type, payloadType, translate).body();
    }

    private static <T> OrderWebhook webhook(String type, Class<T> payloadType, Function<T, OrderWebhook> translate) {
        byte[] payload = ContractSamples.of(OrderTopics.ORDER_EVENTS, type).payloadBytes();
        return translate.apply(EventJson.read(payload, payloadType));
    }
}
