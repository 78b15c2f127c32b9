package com.partnersportal.orders.wire;

import com.partnersportal.kit.problem.Refusal;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Turns money from a request into {@link Money} of an order's one currency, refusing with Tamara's error codes
 * what does not fit: an unknown currency, another currency than the order's, a negative amount, more decimals
 * than the currency has (never rounded), or an absurdly large amount.
 */
public final class MoneyReader {

    /** 15 integer digits: more than any order, and within the database's NUMERIC(18, 3). */
    private static final BigDecimal LARGEST = new BigDecimal("999999999999999.999");

    private MoneyReader() {
    }

    public static Currency currencyOf(String field, WireMoney money) {
        return Currency.fromCode(money.currency()).orElseThrow(() -> new Refusal(Refusal.Reason.INVALID,
                "currency_unsupported", "Currency %s is not supported.".formatted(money.currency()),
                Map.of("field", field, "currency", money.currency())));
    }

    /** The amount in {@code currency}, or null when the field was not sent. */
    public static Money read(String field, WireMoney money, Currency currency) {
        if (money == null) {
            return null;
        }
        currencyOf(field, money);
        if (!currency.name().equals(money.currency())) {
            throw new Refusal(Refusal.Reason.INVALID, "total_amount_invalid_currency",
                    "%s must be in %s, the order's currency.".formatted(field, currency),
                    Map.of("field", field, "currency", money.currency()));
        }
        BigDecimal amount = money.amount();
        if (amount.signum() < 0) {
            throw new Refusal(Refusal.Reason.INVALID, "amount_negative", field + " must not be negative.",
                    Map.of("field", field));
        }
        if (amount.compareTo(LARGEST) > 0) {
            throw new Refusal(Refusal.Reason.INVALID, "amount_too_large", field + " is larger than any order can be.",
                    Map.of("field", field));
        }
        if (amount.stripTrailingZeros().scale() > currency.scale()) {
            throw new Refusal(Refusal.Reason.INVALID, "amount_invalid_precision",
                    "%s allows at most %d decimals in %s.".formatted(field, currency.scale(), currency),
                    Map.of("field", field, "max_decimals", currency.scale()));
        }
        return new Money(amount, currency);
    }

    /** As {@link #read}, for a field that must be there and above zero. */
    public static Money readPositive(String field, WireMoney money, Currency currency) {
        Money read = read(field, money, currency);
        if (read == null || read.amount().signum() == 0) {
            throw new Refusal(Refusal.Reason.INVALID, "amount_not_positive", field + " must be greater than zero.",
                    Map.of("field", field));
        }
        return read;
    }
}
