package com.partnersportal.orders.checkout;

import java.util.UUID;

public record CheckoutResponse(UUID orderId, UUID checkoutId, String checkoutUrl, String status) {
}
