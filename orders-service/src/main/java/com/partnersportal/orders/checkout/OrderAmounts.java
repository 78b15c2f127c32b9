package com.partnersportal.orders.checkout;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Turns the amounts of a checkout into {@link Money} of the order's one currency, refusing with Tamara's
 * error codes what does not fit: an unknown currency, one that is not the country's, a negative amount
 * or more decimals than the currency has.
 */
final class OrderAmounts {

    private final Currency currency;

    private OrderAmounts(Currency currency) {
        this.currency = currency;
    }

    static OrderAmounts forCountry(String countryCode, CheckoutRequest.Amount total) {
        Currency currency = Currency.fromCode(total.currency()).orElseThrow(() -> new ApiProblem(
                HttpStatus.BAD_REQUEST, "currency_unsupported", "Currency " + total.currency() + " is not supported.",
                Map.of("currency", total.currency())));
        if (!currency.countryCode().equals(countryCode)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "total_amount_invalid_currency",
                    "Orders in %s are paid in %s.".formatted(countryCode,
                            Currency.ofCountry(countryCode).map(Enum::name).orElse("no supported currency")),
                    Map.of("country_code", countryCode, "currency", total.currency()));
        }
        return new OrderAmounts(currency);
    }

    Money money(String field, CheckoutRequest.Amount amount) {
        if (amount == null) {
            return Money.zero(currency);
        }
        if (!currency.name().equals(amount.currency())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "total_amount_invalid_currency",
                    "%s must be in %s, the order's currency.".formatted(field, currency),
                    Map.of("field", field, "currency", amount.currency()));
        }
        if (amount.amount().signum() < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_negative", field + " must not be negative.",
                    Map.of("field", field));
        }
        if (amount.amount().stripTrailingZeros().scale() > currency.scale()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "amount_invalid_precision",
                    "%s allows at most %d decimals in %s.".formatted(field, currency.scale(), currency),
                    Map.of("field", field, "max_decimals", currency.scale()));
        }
        return new Money(amount.amount(), currency);
    }
}
