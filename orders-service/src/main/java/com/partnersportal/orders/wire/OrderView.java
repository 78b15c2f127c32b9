package com.partnersportal.orders.wire;

import com.partnersportal.kit.money.WireMoney;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as Tamara's get-order answers it: amounts, consumer, addresses, items and its transactions. The
 * portal's order detail adds the timeline.
 */
public record OrderView(
        UUID orderId,
        String orderReferenceId,
        String orderNumber,
        String description,
        String status,
        String paymentType,
        Integer instalments,
        String locale,
        String countryCode,
        UUID legalEntityId,
        Consumer consumer,
        Address shippingAddress,
        Address billingAddress,
        List<Item> items,
        WireMoney totalAmount,
        WireMoney taxAmount,
        WireMoney shippingAmount,
        Discount discount,
        WireMoney capturedAmount,
        WireMoney refundedAmount,
        WireMoney canceledAmount,
        Transactions transactions,
        Instant expiresAt,
        Instant autoCaptureAt,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline) {

    public record Consumer(String firstName, String lastName, String phoneNumber, String email) {
    }

    public record Address(String firstName, String lastName, String line1, String line2, String region, String city,
            String countryCode, String phoneNumber) {
    }

    public record Item(String referenceId, String type, String name, String sku, int quantity, WireMoney totalAmount) {
    }

    public record Discount(String name, WireMoney amount) {
    }

    public record Transactions(List<CaptureView> captures, List<RefundView> refunds, List<CancelView> cancels) {
    }

    public record CaptureView(UUID captureId, WireMoney totalAmount, WireMoney refundedAmount, ShippingInfo shippingInfo,
            boolean automatic, Instant createdAt) {
    }

    public record ShippingInfo(Instant shippedAt, String shippingCompany, String trackingNumber, String trackingUrl) {
    }

    public record RefundView(UUID refundId, UUID captureId, WireMoney totalAmount, String comment,
            String merchantRefundId, Instant createdAt) {
    }

    public record CancelView(UUID cancelId, WireMoney totalAmount, Instant createdAt) {
    }

    /** One change of the order: when, what, from and to which status, how much, and who. */
    public record TimelineEntry(Instant occurredAt, String kind, String fromStatus, String toStatus, WireMoney amount,
            String referenceId, String detail, Actor actor) {
    }

    /** Who acted: type and id as the events name them, and the user's or API token's name when the portal knows it. */
    public record Actor(String type, String id, @JsonInclude(JsonInclude.Include.NON_NULL) String name) {
    }
}
