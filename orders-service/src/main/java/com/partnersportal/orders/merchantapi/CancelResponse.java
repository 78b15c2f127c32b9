package com.partnersportal.orders.merchantapi;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

record CancelResponse(UUID cancelId, UUID orderId, String status, WireMoney canceledAmount) {
}
