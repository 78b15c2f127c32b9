package com.partnersportal.orders.order;

import com.partnersportal.types.Money;

/**
 * A capture as asked for: the amount (in the order's currency), how it ships, and optionally the captured
 * items (kept as the merchant sent them) and the tax, shipping and discount parts of the amount.
 */
public record CaptureCommand(Money amount, ShippingInfo shippingInfo, String itemsJson, Money tax, Money shipping,
        Money discount) {
}
