package com.partnersportal.orders.merchantapi;

import com.partnersportal.orders.wire.WireMoney;
import java.util.UUID;

record CaptureResponse(UUID captureId, UUID orderId, String status, WireMoney capturedAmount) {
}
