package com.partnersportal.kit.money;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one reader of money from requests, in every service. Refuses, with a 400 problem naming the field
 * ({@code data.field}): a missing amount or currency ({@code invalid_field}), an unknown currency
 * ({@code currency_unsupported}), another currency than the one expected ({@code total_amount_invalid_currency}),
 * a sign the field does not allow ({@code amount_negative}, {@code amount_not_positive}), more decimals than the
 * currency has, never rounded ({@code amount_invalid_precision}), and more digits than a money column holds
 * ({@code amount_too_large}).
 */
public final class MoneyReader {

    /** 15 integer digits and 3 decimals: what every money column (NUMERIC(18, 3)) holds, more than any order. */
    public static final BigDecimal LARGEST = new BigDecimal("999999999999999.999");

    /** Which amounts a field takes. */
    public enum Sign {
        /** Above zero: a capture, a refund, an order's total. */
        POSITIVE,
        /** Zero or more: a tax or discount, a fixed fee. */
        NOT_NEGATIVE,
        /** Either sign but not zero: a correction (negative returns, positive charges). */
        NOT_ZERO
    }

    private MoneyReader() {
    }

    /** The currency {@code code} names, or a 400 {@code currency_unsupported}. */
    public static Currency currency(String field, String code) {
        if (code == null) {
            throw invalid(field, field + ".currency is required.");
        }
        return Currency.fromCode(code).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                "currency_unsupported", "Currency %s is not supported.".formatted(code),
                Map.of("field", field, "currency", code)));
    }

    /** The amount in {@code expected}, zero or more, or null when the field was not sent. */
    public static Money read(String field, WireMoney money, Currency expected) {
        return money == null ? null : read(field, money, expected, Sign.NOT_NEGATIVE);
    }

    /** As {@link #read}, for a field that must be there and above zero. */
    public static Money readPositive(String field, WireMoney money, Currency expected) {
        if (money == null) {
            throw invalid(field, field + " is required.");
        }
        return read(field, money, expected, Sign.POSITIVE);
    }

    /** A required amount in {@code expected} (null: in the currency it names) with the sign the field allows. */
    public static Money read(String field, WireMoney money, Currency expected, Sign sign) {
        if (money == null) {
            throw invalid(field, field + " is required.");
        }
        if (money.amount() == null) {
            throw invalid(field, field + ".amount is required.");
        }
        Currency currency = currency(field, money.currency());
        if (expected != null && currency != expected) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "total_amount_invalid_currency",
                    "%s must be in %s.".formatted(field, expected),
                    Map.of("field", field, "currency", money.currency()));
        }
        return new Money(amount(field, money.amount(), currency, sign), currency);
    }

    /** An amount without its currency object around it (a fee, a fixed charge), checked as {@link #read} does. */
    public static BigDecimal amount(String field, BigDecimal amount, Currency currency, Sign sign) {
        if (amount == null) {
            throw invalid(field, field + " is required.");
        }
        if (amount.abs().compareTo(LARGEST) > 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_too_large", field + " is larger than any amount can be.",
                    Map.of("field", field));
        }
        if (amount.signum() < 0 && sign != Sign.NOT_ZERO) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_negative", field + " must not be negative.",
                    Map.of("field", field));
        }
        if (amount.signum() == 0 && sign != Sign.NOT_NEGATIVE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_not_positive",
                    field + (sign == Sign.POSITIVE ? " must be greater than zero." : " must not be zero."),
                    Map.of("field", field));
        }
        if (amount.stripTrailingZeros().scale() > currency.scale()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_invalid_precision",
                    "%s allows at most %d decimals in %s.".formatted(field, currency.scale(), currency),
                    Map.of("field", field, "max_decimals", currency.scale()));
        }
        return amount.setScale(currency.scale());
    }

    /**
     * An amount written in a query parameter (a filter's bound), as strictly as in a body: plain decimal notation,
     * no exponent, no more digits than a money column holds. Null when blank.
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.trim();
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            throw invalid(field, field + " must be an amount in plain decimal notation, e.g. 250.00.");
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.abs().compareTo(LARGEST) > 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_too_large", field + " is larger than any amount can be.",
                    Map.of("field", field));
        }
        if (amount.stripTrailingZeros().scale() > 3) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_invalid_precision",
                    field + " allows at most 3 decimals.", Map.of("field", field, "max_decimals", 3));
        }
        return amount;
    }

    /** As {@link #parse}, for a bound that arrived in a JSON body. */
    public static BigDecimal bound(String field, BigDecimal amount) {
        return amount == null ? null : parse(field, amount.toPlainString());
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }
}
