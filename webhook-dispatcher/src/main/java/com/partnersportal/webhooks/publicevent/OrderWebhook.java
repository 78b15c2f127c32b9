package com.partnersportal.webhooks.publicevent;

import com.partnersportal.orders.contract.OrderApproved;
import com.partnersportal.orders.contract.OrderAuthorised;
import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderDeclined;
import com.partnersportal.orders.contract.OrderExpired;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.types.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Version 1 of the public webhook body, Tamara's: {@code order_id, order_reference_id, order_number, event_type,
 * data}. Translated on purpose from orders-service's internal events, field by field, so that an internal change
 * never leaks to merchants. {@code data} is {@code []} where Tamara sends an empty list.
 */
public record OrderWebhook(UUID orderId, UUID merchantId, PublicEventType type, String body, Instant occurredAt) {

    /** Sent as the {@code webhook-payload-version} header; a change that breaks receivers makes a new version. */
    public static final String VERSION = "1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static OrderWebhook of(OrderApproved e) {
        return make(e.order(), PublicEventType.ORDER_APPROVED, List.of(), e.occurredAt());
    }

    public static OrderWebhook of(OrderAuthorised e) {
        return make(e.order(), PublicEventType.ORDER_AUTHORISED, List.of(), e.occurredAt());
    }

    public static OrderWebhook of(OrderExpired e) {
        return make(e.order(), PublicEventType.ORDER_EXPIRED, List.of(), e.occurredAt());
    }

    public static OrderWebhook of(OrderDeclined e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("declined_reason", e.declinedReason());
        data.put("declined_code", e.declinedCode());
        data.put("decline_type", e.declineType());
        return make(e.order(), PublicEventType.ORDER_DECLINED, data, e.occurredAt());
    }

    public static OrderWebhook of(OrderCaptured e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("capture_id", e.captureId().toString());
        data.put("captured_amount", money(e.capturedAmount()));
        return make(e.order(), PublicEventType.ORDER_CAPTURED, data, e.occurredAt());
    }

    public static OrderWebhook of(OrderRefunded e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refund_id", e.refundId().toString());
        data.put("capture_id", e.captureId() == null ? null : e.captureId().toString());
        data.put("refunded_amount", money(e.refundedAmount()));
        data.put("comment", e.comment());
        return make(e.order(), PublicEventType.ORDER_REFUNDED, data, e.occurredAt());
    }

    public static OrderWebhook of(OrderCanceled e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cancel_id", e.cancelId().toString());
        data.put("canceled_amount", money(e.canceledAmount()));
        return make(e.order(), PublicEventType.ORDER_CANCELED, data, e.occurredAt());
    }

    /** A made-up order for the "send test event" action, in the shape of a real one. */
    public static OrderWebhook sample(UUID merchantId, PublicEventType type, Instant now) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", orderId.toString());
        body.put("order_reference_id", "TEST-" + orderId.toString().substring(0, 8));
        body.put("order_number", "TEST-" + orderId.toString().substring(0, 8));
        body.put("event_type", type.wireName());
        body.put("data", List.of());
        return new OrderWebhook(orderId, merchantId, type, JSON.writeValueAsString(body), now);
    }

    private static OrderWebhook make(OrderSnapshot order, PublicEventType type, Object data, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", order.orderId().toString());
        body.put("order_reference_id", order.orderReferenceId());
        body.put("order_number", order.orderNumber());
        body.put("event_type", type.wireName());
        body.put("data", data);
        return new OrderWebhook(order.orderId(), order.merchantId(), type, JSON.writeValueAsString(body), occurredAt);
    }

    /** Tamara's money: the amount a JSON number at the currency's scale ({@code 300.00}, {@code 1.250}). */
    private static Map<String, Object> money(Money money) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", money.amount());
        m.put("currency", money.currency().name());
        return m;
    }
}
