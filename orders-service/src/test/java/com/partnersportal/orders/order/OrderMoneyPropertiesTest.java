package com.partnersportal.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a merchant does to an authorised order, in whatever order and with whatever amounts, the money adds
 * up: nothing is refunded that was not captured, nothing captured or canceled beyond the total, and every amount
 * stays at the currency's scale. Refused operations change nothing.
 */
class OrderMoneyPropertiesTest {

    enum Kind { CAPTURE, REFUND, CANCEL, CHANGE_REFERENCE }

    record Operation(Kind kind, long minorUnits) {
    }

    @Property(tries = 300)
    void noSequenceOfOperationsBreaksTheMoneyRules(@ForAll("currencies") Currency currency,
            @ForAll("totals") long totalMinorUnits, @ForAll("operations") List<Operation> operations) {
        Order order = OrderTest.authorised(amount(totalMinorUnits, currency).amount().toPlainString(), currency);

        for (Operation operation : operations) {
            Money before = order.captured();
            Money refundedBefore = order.refunded();
            Money canceledBefore = order.canceled();
            OrderStatus statusBefore = order.status();
            try {
                apply(order, operation, currency);
            } catch (OrderTransitionRefused | OrderAmountRefused refused) {
                assertThat(order.captured()).isEqualTo(before);
                assertThat(order.refunded()).isEqualTo(refundedBefore);
                assertThat(order.canceled()).isEqualTo(canceledBefore);
                assertThat(order.status()).isEqualTo(statusBefore);
            }
            assertMoneyAddsUp(order, currency);
        }
    }

    private static void apply(Order order, Operation operation, Currency currency) {
        Money amount = amount(operation.minorUnits(), currency);
        switch (operation.kind()) {
            case CAPTURE -> order.capture(amount, OrderTest.NOW);
            case REFUND -> order.refund(amount, OrderTest.NOW);
            case CANCEL -> order.cancel(amount, OrderTest.NOW);
            case CHANGE_REFERENCE -> order.changeReference("REF-" + operation.minorUnits(), OrderTest.NOW);
        }
    }

    private static void assertMoneyAddsUp(Order order, Currency currency) {
        for (Money money : List.of(order.total(), order.captured(), order.refunded(), order.canceled(),
                order.remainingToCapture(), order.refundable())) {
            assertThat(money.currency()).isEqualTo(currency);
            assertThat(money.amount().scale()).isEqualTo(currency.scale());
            assertThat(money.negative()).as("%s is negative", money).isFalse();
        }
        assertThat(order.refunded().exceeds(order.captured())).as("refunded > captured").isFalse();
        assertThat(order.captured().plus(order.canceled()).exceeds(order.total())).as("captured + canceled > total")
                .isFalse();
        if (order.status() == OrderStatus.FULLY_REFUNDED) {
            assertThat(order.refunded()).isEqualTo(order.captured());
            assertThat(order.remainingToCapture().amount().signum()).isZero();
        }
        if (order.status() == OrderStatus.FULLY_CAPTURED) {
            // A partial cancel before the capture leaves less to capture: fully captured is all that was not canceled.
            assertThat(order.captured().plus(order.canceled())).isEqualTo(order.total());
        }
    }

    private static Money amount(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.scale()), currency);
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Currency.class);
    }

    @Provide
    Arbitrary<Long> totals() {
        return Arbitraries.longs().between(1, 1_000_000);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.longs().between(-5, 1_000_000).edgeCases(edges -> edges.includeOnly(0L, 1L)))
                .as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(25);
    }
}
