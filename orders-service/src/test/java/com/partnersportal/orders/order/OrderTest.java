package com.partnersportal.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order's state machine and money rules, without Spring or a database. */
class OrderTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Order placed(String total, Currency currency) {
        Money zero = Money.zero(currency);
        return Order.place(new Order.NewOrder(UUID.randomUUID(), UUID.randomUUID(), "REF-1", "N-1",
                Money.of(total, currency), zero, zero, zero, null, currency.countryCode(), "en", "an order",
                "PAY_BY_INSTALMENTS", 4, new OrderConsumer("Noura", "Al-Harbi", "+966500000000", "n@example.com"),
                null, null, null), NOW, Duration.ofHours(1));
    }

    static Order authorised(String total, Currency currency) {
        Order order = placed(total, currency);
        order.approve(NOW, Duration.ofHours(1));
        order.authorise(NOW, Duration.ofDays(21));
        return order;
    }

    static Money sar(String amount) {
        return Money.of(amount, Currency.SAR);
    }

    @Test
    void anOrderIsPlacedNewWithNothingCapturedRefundedOrCanceled() {
        Order order = placed("300.00", Currency.SAR);

        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThat(order.total()).isEqualTo(sar("300.00"));
        assertThat(order.captured()).isEqualTo(sar("0"));
        assertThat(order.remainingToCapture()).isEqualTo(sar("300.00"));
        assertThat(order.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void theConsumersDecisionAndTheMerchantsAuthorisationMoveItAlong() {
        Order order = placed("300.00", Currency.SAR);

        assertThat(order.approve(NOW, Duration.ofHours(2))).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.authorise(NOW, Duration.ofDays(21))).isEqualTo(OrderStatus.AUTHORISED);
        assertThat(order.autoCaptureAt()).isEqualTo(NOW.plus(Duration.ofDays(21)));
        assertThat(order.expiresAt()).isNull();
    }

    @Test
    void onlyANewOrderIsDeclinedAndOnlyANewOrApprovedOneExpires() {
        Order declined = placed("10.00", Currency.SAR);
        assertThat(declined.decline(NOW)).isEqualTo(OrderStatus.DECLINED);
        assertThatThrownBy(() -> declined.expire(NOW)).isInstanceOf(OrderTransitionRefused.class);
        assertThatThrownBy(() -> declined.approve(NOW, Duration.ofHours(1))).isInstanceOf(OrderTransitionRefused.class);

        Order approved = placed("10.00", Currency.SAR);
        approved.approve(NOW, Duration.ofHours(1));
        assertThat(approved.expire(NOW)).isEqualTo(OrderStatus.EXPIRED);

        assertThatThrownBy(() -> authorised("10.00", Currency.SAR).expire(NOW))
                .isInstanceOf(OrderTransitionRefused.class);
    }

    @Test
    void moneyMovesOnlyOnceAuthorised() {
        Order order = placed("10.00", Currency.SAR);

        assertThatThrownBy(() -> order.capture(sar("1.00"), NOW)).isInstanceOf(OrderTransitionRefused.class);
        assertThatThrownBy(() -> order.cancel(sar("1.00"), NOW)).isInstanceOf(OrderTransitionRefused.class);
        assertThatThrownBy(() -> order.refund(sar("1.00"), NOW)).isInstanceOf(OrderTransitionRefused.class);
        assertThat(order.captured()).isEqualTo(sar("0"));
    }

    @Test
    void capturesAddUpToTheTotalAndNoFurther() {
        Order order = authorised("300.00", Currency.SAR);

        assertThat(order.capture(sar("100.00"), NOW)).isEqualTo(OrderStatus.PARTIALLY_CAPTURED);
        assertThatThrownBy(() -> order.capture(sar("200.01"), NOW)).isInstanceOf(OrderAmountRefused.class);
        assertThat(order.capture(sar("200.00"), NOW)).isEqualTo(OrderStatus.FULLY_CAPTURED);
        assertThat(order.remainingToCapture()).isEqualTo(sar("0"));
        assertThat(order.autoCaptureAt()).isNull();
        assertThatThrownBy(() -> order.capture(sar("0.01"), NOW)).isInstanceOf(OrderTransitionRefused.class);
    }

    @Test
    void refundsGiveBackNoMoreThanWasCaptured() {
        Order order = authorised("300.00", Currency.SAR);
        order.capture(sar("100.00"), NOW);

        assertThatThrownBy(() -> order.refund(sar("100.01"), NOW)).isInstanceOf(OrderAmountRefused.class);
        assertThat(order.refund(sar("40.00"), NOW)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundable()).isEqualTo(sar("60.00"));
        assertThat(order.capture(sar("200.00"), NOW)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refund(sar("260.00"), NOW)).isEqualTo(OrderStatus.FULLY_REFUNDED);
        assertThatThrownBy(() -> order.refund(sar("0.01"), NOW)).isInstanceOf(OrderTransitionRefused.class);
    }

    @Test
    void cancelingReleasesUncapturedMoneyOnlyBeforeAnyCapture() {
        Order order = authorised("300.00", Currency.SAR);

        assertThat(order.cancel(sar("100.00"), NOW)).isEqualTo(OrderStatus.UPDATED);
        assertThat(order.remainingToCapture()).isEqualTo(sar("200.00"));
        assertThat(order.capture(sar("50.00"), NOW)).isEqualTo(OrderStatus.PARTIALLY_CAPTURED);
        assertThatThrownBy(() -> order.cancel(sar("150.00"), NOW)).isInstanceOf(OrderTransitionRefused.class);

        Order whole = authorised("300.00", Currency.SAR);
        assertThat(whole.cancel(sar("300.00"), NOW)).isEqualTo(OrderStatus.CANCELED);
        assertThat(whole.autoCaptureAt()).isNull();
        assertThatThrownBy(() -> whole.capture(sar("1.00"), NOW)).isInstanceOf(OrderTransitionRefused.class);
    }

    @Test
    void capturingAllThatWasNotCanceledCapturesTheOrderFully() {
        Order order = authorised("0.08", Currency.SAR);

        assertThat(order.cancel(sar("0.06"), NOW)).isEqualTo(OrderStatus.UPDATED);
        assertThat(order.capture(sar("0.02"), NOW)).isEqualTo(OrderStatus.FULLY_CAPTURED);
        assertThat(order.remainingToCapture()).isEqualTo(sar("0.00"));
        assertThatThrownBy(() -> order.capture(sar("0.01"), NOW)).isInstanceOf(OrderTransitionRefused.class);
    }

    @Test
    void amountsMustBePositiveAndInTheOrdersCurrency() {
        Order order = authorised("300.00", Currency.SAR);

        assertThatThrownBy(() -> order.capture(Money.of("1.000", Currency.KWD), NOW))
                .isInstanceOf(OrderAmountRefused.class);
        assertThatThrownBy(() -> order.capture(sar("0"), NOW)).isInstanceOf(OrderAmountRefused.class);
        assertThatThrownBy(() -> order.refund(sar("-1.00"), NOW)).isInstanceOf(OrderAmountRefused.class);
        assertThat(order.captured()).isEqualTo(sar("0"));
    }

    @Test
    void changingTheReferenceLeavesStatusAndMoneyAlone() {
        Order order = authorised("300.00", Currency.SAR);
        order.capture(sar("10.00"), NOW);

        order.changeReference("REF-2", NOW.plusSeconds(1));

        assertThat(order.orderReferenceId()).isEqualTo("REF-2");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_CAPTURED);
        assertThat(order.captured()).isEqualTo(sar("10.00"));
        assertThat(order.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }
}
