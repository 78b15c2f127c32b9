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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final InvoicedFeeChanges invoicedChanges;

    Ledger(SettlementProfiles profiles, LedgerLines lines, CaptureFees captureFees, InvoicedFeeChanges invoicedChanges) {
        this.profiles = profiles;
        this.lines = lines;
        this.captureFees = captureFees;
        this.invoicedChanges = invoicedChanges;
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
        Instant invoiceAt = terms.invoiceAt(event.occurredAt());
        for (OrderRefunded.Allocation allocation : allocations) {
            CaptureFees.Returned returned = captureFees.refund(allocation.captureId(), allocation.amount().amount(),
                    terms.fee().percentage(), scale);
            feeReturned = feeReturned.add(returned.fee());
            feeRate = feeRate == null ? returned.feeRate() : feeRate;
            // A capture whose month is invoiced already: the fee it returns is a credit note's, not next month's.
            Optional<Instant> captureInvoicedAt = lines.saleInvoiceAt(allocation.captureId());
            if (refunded.currency() == Currency.SAR && returned.fee().signum() != 0 && captureInvoicedAt.isPresent()
                    && captureInvoicedAt.get().isBefore(terms.invoiceFrom())) {
                invoicedChanges.refundOfInvoicedCapture(order.legalEntityId(), event.refundId(), allocation.captureId(),
                        captureInvoicedAt.get(), returned.fee(), invoiceAt);
            }
        }
        LineAmounts amounts = FeeCalculator.refund(refunded.amount(), feeRate, feeReturned, terms.vatRate(), scale);
        lines.insert(new NewLine(order.legalEntityId(), order.merchantId(), refunded.currency().name(), LineKind.REFUND,
                order.orderId(), order.orderReferenceId(), order.orderNumber(), event.refundId(), event.captureId(),
                event.merchantRefundId(), event.occurredAt(), terms.settleAt(event.occurredAt()), invoiceAt,
                refunded.amount(), amounts));
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

    /** What an operator's fee correction booked: the line's fee, the VAT on it and when it falls to be invoiced. */
    public record Correction(BigDecimal fee, BigDecimal vatRate, BigDecimal vat, Instant invoiceAt) {
    }

    /**
     * Books an operator's correction of the fees of an invoice already issued ({@code fee} positive: charged in
     * addition; negative: returned), to be netted in the open settlement period and stated in a note. Once per
     * correction id.
     */
    @Transactional
    public Optional<Correction> feeCorrected(UUID legalEntityId, UUID merchantId, String countryCode, UUID correctionId,
            UUID originalInvoiceId, BigDecimal fee, String reason, Instant at) {
        if (lines.exists(LineKind.FEE_CORRECTION, correctionId)) {
            return Optional.empty();
        }
        BookingTerms terms = profiles.lockForBooking(legalEntityId, merchantId, countryCode, Currency.SAR);
        int scale = Currency.SAR.scale();
        BigDecimal vat = FeeCalculator.percentOf(fee, terms.vatRate(), scale);
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        LineAmounts amounts = new LineAmounts(zero, BigDecimal.ZERO, zero, fee.setScale(scale), terms.vatRate(), vat);
        Instant invoiceAt = terms.invoiceAt(at);
        lines.insert(new NewLine(legalEntityId, merchantId, Currency.SAR.name(), LineKind.FEE_CORRECTION, null, null, null,
                correctionId, null, null, at, terms.settleAt(at), invoiceAt, fee.abs().setScale(scale), amounts));
        invoicedChanges.feeCorrection(legalEntityId, correctionId, originalInvoiceId, fee, reason, invoiceAt);
        return Optional.of(new Correction(fee.setScale(scale), terms.vatRate(), vat, invoiceAt));
    }

    private BookingTerms lock(OrderSnapshot order, Currency currency) {
        return profiles.lockForBooking(order.legalEntityId(), order.merchantId(), order.countryCode(), currency);
    }
}
