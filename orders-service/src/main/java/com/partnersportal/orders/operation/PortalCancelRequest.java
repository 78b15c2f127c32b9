package com.partnersportal.orders.operation;

import com.partnersportal.kit.money.WireMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The portal's Cancel dialog: the uncaptured amount to release. */
record PortalCancelRequest(@NotNull @Valid WireMoney totalAmount) {
}
