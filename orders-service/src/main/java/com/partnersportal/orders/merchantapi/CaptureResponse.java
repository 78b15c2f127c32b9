package com.partnersportal.orders.merchantapi;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

record CaptureResponse(UUID captureId, UUID orderId, String status, WireMoney capturedAmount) {
}
