package com.partnersportal.orders.order;

import com.partnersportal.types.Money;

/** A cancel as asked for: the uncaptured amount to release, and optionally the canceled items. */
public record CancelCommand(Money amount, String itemsJson) {
}
