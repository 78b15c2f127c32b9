package com.partnersportal.orders.search;

import com.partnersportal.orders.order.OrderStatus;
import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the order list, newest first, with the cursor of the next page (null on the last). */
record OrderListResponse(List<Row> orders, String nextCursor) {

    record Row(UUID orderId, String orderReferenceId, String orderNumber, String status, UUID legalEntityId,
            String countryCode, String paymentType, String consumerName, WireMoney totalAmount,
            WireMoney capturedAmount, WireMoney refundedAmount, WireMoney canceledAmount, Instant createdAt,
            Instant updatedAt) {
    }

    static OrderListResponse of(OrderSearch.Page page) {
        return new OrderListResponse(page.orders().stream().map(OrderListResponse::row).toList(), page.nextCursor());
    }

    private static Row row(OrderSummary order) {
        Currency currency = Currency.valueOf(order.currency());
        return new Row(order.id(), order.orderReferenceId(), order.orderNumber(),
                OrderStatus.valueOf(order.status()).wireName(), order.legalEntityId(), order.countryCode(),
                order.paymentType(), order.consumerFirstName() + " " + order.consumerLastName(),
                WireMoney.of(new Money(order.totalAmount(), currency)),
                WireMoney.of(new Money(order.capturedAmount(), currency)),
                WireMoney.of(new Money(order.refundedAmount(), currency)),
                WireMoney.of(new Money(order.canceledAmount(), currency)), order.createdAt(), order.updatedAt());
    }
}
