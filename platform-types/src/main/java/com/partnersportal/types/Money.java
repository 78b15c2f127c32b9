package com.partnersportal.types;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in one currency, always held at the currency's scale (300.00 SAR, 12.500 KWD).
 * Building one with more decimals than the currency allows fails: amounts are never rounded silently.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.stripTrailingZeros().scale() > currency.scale()) {
            throw new IllegalArgumentException(
                    "%s allows %d decimals, got %s".formatted(currency, currency.scale(), amount.toPlainString()));
        }
        amount = amount.setScale(currency.scale());
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** Named without "is" so that JSON mappers see only {@code amount} and {@code currency}. */
    public boolean negative() {
        return amount.signum() < 0;
    }

    public boolean exceeds(Money other) {
        return amount.compareTo(sameCurrency(other).amount) > 0;
    }

    private Money sameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("cannot combine %s with %s".formatted(currency, other.currency));
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
