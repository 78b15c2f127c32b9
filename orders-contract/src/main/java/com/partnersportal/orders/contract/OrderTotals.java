package com.partnersportal.orders.contract;

import com.partnersportal.types.Money;

/** An order's amounts, all in its one currency at the currency's scale. */
public record OrderTotals(
        Money totalAmount,
        Money capturedAmount,
        Money refundedAmount,
        Money canceledAmount) {
}
