package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Tamara's simplified refund: an amount against the order's captures, with a comment and the merchant's id. */
record RefundRequest(
        @NotNull @Valid WireMoney totalAmount,
        @NotBlank @Size(max = 1024) String comment,
        @Size(max = 255) String merchantRefundId) {
}
