package com.partnersportal.settlement.report;

import com.partnersportal.settlement.ledger.LedgerLine;
import com.partnersportal.settlement.ledger.LineKind;
import com.partnersportal.kit.money.WireMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A report line: which order and operation it comes from (capture, refund or cancel id; for a carried-forward
 * balance the report it comes from) and its money, signed from the merchant's side ({@code net = gross - fee - vat}).
 */
public record LineView(
        long lineId,
        String type,
        Instant eventTime,
        UUID legalEntityId,
        UUID orderId,
        String orderReferenceId,
        String orderNumber,
        UUID captureId,
        UUID refundId,
        UUID cancelId,
        String merchantRefundId,
        UUID carriedFromReportId,
        WireMoney amount,
        WireMoney gross,
        BigDecimal feeRate,
        WireMoney percentageFee,
        WireMoney fixedFee,
        WireMoney fee,
        BigDecimal vatRate,
        WireMoney vat,
        WireMoney net) {

    public static LineView of(LedgerLine l) {
        String c = l.currency();
        LineKind kind = l.kind();
        return new LineView(l.id(), kind.wireName(), l.eventTime(), l.legalEntityId(), l.orderId(), l.orderReferenceId(),
                l.orderNumber(), kind == LineKind.SALE || kind == LineKind.REFUND ? l.captureId() : null,
                kind == LineKind.REFUND ? l.operationId() : null, kind == LineKind.CANCEL ? l.operationId() : null,
                l.merchantRefundId(), kind == LineKind.CARRIED_FORWARD ? l.operationId() : null,
                WireMoney.of(l.amount(), c), WireMoney.of(l.gross(), c), l.feeRate(), WireMoney.of(l.percentageFee(), c),
                WireMoney.of(l.fixedFee(), c), WireMoney.of(l.fee(), c), l.vatRate(), WireMoney.of(l.vat(), c),
                WireMoney.of(l.net(), c));
    }
}
