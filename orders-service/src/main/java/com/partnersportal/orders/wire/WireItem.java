package com.partnersportal.orders.wire;

import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An order line as captures and cancels name it. */
public record WireItem(
        @NotBlank @Size(max = 255) String referenceId,
        @Size(max = 255) String type,
        @NotBlank @Size(max = 1024) String name,
        @NotBlank @Size(max = 255) String sku,
        @NotNull @Positive @Max(100_000) Integer quantity,
        @Valid WireMoney totalAmount) {
}
