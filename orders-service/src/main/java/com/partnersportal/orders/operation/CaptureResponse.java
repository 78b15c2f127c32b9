package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

record CaptureResponse(UUID captureId, UUID orderId, String status, WireMoney capturedAmount) {
}
