package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A booked line, as reports, the portal and CSV files show it. Amounts at the currency's scale. */
public record LedgerLine(
        long id,
        UUID legalEntityId,
        String currency,
        LineKind kind,
        UUID orderId,
        String orderReferenceId,
        String orderNumber,
        UUID operationId,
        UUID captureId,
        String merchantRefundId,
        Instant eventTime,
        Instant settleAt,
        BigDecimal amount,
        BigDecimal gross,
        BigDecimal feeRate,
        BigDecimal percentageFee,
        BigDecimal fixedFee,
        BigDecimal fee,
        BigDecimal vatRate,
        BigDecimal vat,
        BigDecimal net) {
}
