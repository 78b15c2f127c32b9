package com.partnersportal.orders.wire;

import com.partnersportal.types.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Money on the wire, as Tamara's API writes it: {@code {"amount": 300.00, "currency": "SAR"}}. */
public record WireMoney(@NotNull BigDecimal amount, @NotBlank @Size(max = 3) String currency) {

    public static WireMoney of(Money money) {
        return money == null ? null : new WireMoney(money.amount(), money.currency().name());
    }
}
