package com.partnersportal.orders.order;

import com.partnersportal.types.Money;

/** A simplified refund as asked for: how much, why, and the merchant's own id for it. */
public record RefundCommand(Money amount, String comment, String merchantRefundId) {
}
