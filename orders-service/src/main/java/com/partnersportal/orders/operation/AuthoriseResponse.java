package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

/** Tamara's authorise answer; with auto-capture on, the order is captured at once and names the capture. */
record AuthoriseResponse(UUID orderId, String status, String paymentType, WireMoney authorizedAmount,
        boolean autoCaptured, UUID captureId) {
}
