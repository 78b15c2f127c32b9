package com.partnersportal.orders.operation;

import com.partnersportal.orders.wire.WireItem;
import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The portal's Capture dialog: how much, and how it ships. */
record PortalCaptureRequest(
        @NotNull @Valid WireMoney totalAmount,
        @NotNull @Valid ShippingInfo shippingInfo,
        @Size(max = 200) List<@NotNull @Valid WireItem> items) {

    record ShippingInfo(
            @NotNull Instant shippedAt,
            @NotBlank @Size(max = 255) String shippingCompany,
            @Size(max = 255) String trackingNumber,
            @Size(max = 2048) String trackingUrl) {
    }
}
