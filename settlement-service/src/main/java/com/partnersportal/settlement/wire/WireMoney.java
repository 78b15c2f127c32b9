package com.partnersportal.settlement.wire;

import java.math.BigDecimal;

/** Money on the wire, as the platform writes it: {@code {"amount": 300.00, "currency": "SAR"}}, at the currency's scale. */
public record WireMoney(BigDecimal amount, String currency) {

    public static WireMoney of(BigDecimal amount, String currency) {
        return amount == null ? null : new WireMoney(amount, currency);
    }
}
