package com.partnersportal.orders.operation;

import com.partnersportal.orders.wire.WireItem;
import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Tamara's {@code POST /orders/{order_id}/cancel}: the whole order or a part of it, before any capture. */
record CancelRequest(
        @NotNull @Valid WireMoney totalAmount,
        @Size(max = 200) List<@NotNull @Valid WireItem> items,
        @Valid WireMoney taxAmount,
        @Valid WireMoney shippingAmount,
        @Valid WireMoney discountAmount) {
}
