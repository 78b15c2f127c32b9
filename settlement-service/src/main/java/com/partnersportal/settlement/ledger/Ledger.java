package com.partnersportal.settlement.ledger;

import com.partnersportal.orders.contract.OrderCanceled;
import com.partnersportal.orders.contract.OrderCaptured;
import com.partnersportal.orders.contract.OrderRefunded;
import com.partnersportal.orders.contract.OrderSnapshot;
import com.partnersportal.settlement.profile.BookingTerms;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.types.Currency;
import com.partnersportal.types.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books order events as ledger lines, in the consumer's transaction: a capture is a sale, a refund a refund, a
 * cancel an information line. A line is booked once per operation (capture, refund or cancel id), whatever the
 * event id it came with.
 */
@Service
public class Ledger {

    private final SettlementProfiles profiles;
    private final LedgerLines lines;
    private final CaptureFees captureFees;

    Ledger(SettlementProfiles profiles, LedgerLines lines, CaptureFees captureFees) {
        this.profiles = profiles;
        this.lines = lines;
        this.captureFees = captureFees;
    }

    @Transactional
    public void captured(OrderCaptured event) {
        OrderSnapshot order = event.order();
        Money captured = event.capturedAmount();
        if (lines.exists(LineKind.SALE, event.captureId())) {
            return;
        }
        BookingTerms terms = lock(order, captured.currency());
        boolean first = !captureFees.orderHasCapture(order.orderId());
        LineAmounts amounts = FeeCalculator.sale(captured.amount(), terms.fee(), first, terms.vatRate(),
                captured.currency().scale());
        lines.insert(new NewLine(order.legalEntityId(), order.merchantId(), captured.currency().name(), LineKind.SALE,
                order.orderId(), order.orderReferenceId(), order.orderNumber(), event.captureId(), event.captureId(), null,
                event.occurredAt(), terms.settleAt(event.occurredAt()), terms.invoiceAt(event.occurredAt()),
                captured.amount(), amounts));
        captureFees.charged(event.captureId(), order.orderId(), captured.currency().name(), captured.amount(),
                amounts.feeRate(), amounts.percentageFee());
    }

    @Transactional
    public void refunded(OrderRefunded event) {
        OrderSnapshot order = event.order();
        Money refunded = event.refundedAmount();
        if (lines.exists(LineKind.REFUND, event.refundId())) {
            return;
        }
        BookingTerms terms = lock(order, refunded.currency());
        int scale = refunded.currency().scale();
        List<OrderRefunded.Allocation> allocations = event.allocations() == null || event.allocations().isEmpty()
                ? List.of(new OrderRefunded.Allocation(event.captureId(), refunded)) : event.allocations();
        BigDecimal feeReturned = BigDecimal.ZERO.setScale(scale);
        BigDecimal feeRate = null;
        for (OrderRefunded.Allocation allocation : allocations) {
            CaptureFees.Returned returned = captureFees.refund(allocation.captureId(), allocation.amount().amount(),
                    terms.fee().percentage(), scale);
            feeReturned = feeReturned.add(returned.fee());
            feeRate = feeRate == null ? returned.feeRate() : feeRate;
        }
        LineAmounts amounts = FeeCalculator.refund(refunded.amount(), feeRate, feeReturned, terms.vatRate(), scale);
        lines.insert(new NewLine(order.legalEntityId(), order.merchantId(), refunded.currency().name(), LineKind.REFUND,
                order.orderId(), order.orderReferenceId(), order.orderNumber(), event.refundId(), event.captureId(),
                event.merchantRefundId(), event.occurredAt(), terms.settleAt(event.occurredAt()),
                terms.invoiceAt(event.occurredAt()), refunded.amount(), amounts));
    }

    @Transactional
    public void canceled(OrderCanceled event) {
        OrderSnapshot order = event.order();
        Money canceled = event.canceledAmount();
        if (lines.exists(LineKind.CANCEL, event.cancelId())) {
            return;
        }
        BookingTerms terms = lock(order, canceled.currency());
        lines.insert(new NewLine(order.legalEntityId(), order.merchantId(), canceled.currency().name(), LineKind.CANCEL,
                order.orderId(), order.orderReferenceId(), order.orderNumber(), event.cancelId(), null, null,
                event.occurredAt(), terms.settleAt(event.occurredAt()), terms.invoiceAt(event.occurredAt()),
                canceled.amount(), LineAmounts.none(canceled.currency().scale())));
    }

    private BookingTerms lock(OrderSnapshot order, Currency currency) {
        return profiles.lockForBooking(order.legalEntityId(), order.merchantId(), order.countryCode(), currency);
    }
}
