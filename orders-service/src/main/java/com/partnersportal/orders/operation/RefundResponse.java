package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

record RefundResponse(UUID orderId, UUID refundId, UUID captureId, String status, WireMoney refundedAmount,
        String comment, String merchantRefundId) {
}
