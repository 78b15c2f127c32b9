package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The portal's Refund dialog: an amount and why. */
record PortalRefundRequest(
        @NotNull @Valid WireMoney totalAmount,
        @NotBlank @Size(max = 1024) String comment,
        @Size(max = 255) String merchantRefundId) {
}
