package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import java.util.UUID;

record CancelResponse(UUID cancelId, UUID orderId, String status, WireMoney canceledAmount) {
}
