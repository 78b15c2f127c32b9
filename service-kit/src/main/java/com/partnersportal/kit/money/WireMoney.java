package com.partnersportal.kit.money;

import com.partnersportal.types.Money;
import java.math.BigDecimal;

/**
 * Money on the wire in every service, as Tamara's API writes it: {@code {"amount": 300.00, "currency": "SAR"}}.
 * Read it into {@link Money} with {@link MoneyReader}; the amount arrives only as a plain JSON number (service-kit's
 * strict JSON refuses strings, exponents, booleans).
 */
public record WireMoney(BigDecimal amount, String currency) {

    public static WireMoney of(Money money) {
        return money == null ? null : new WireMoney(money.amount(), money.currency().name());
    }

    public static WireMoney of(BigDecimal amount, String currency) {
        return amount == null ? null : new WireMoney(amount, currency);
    }
}
