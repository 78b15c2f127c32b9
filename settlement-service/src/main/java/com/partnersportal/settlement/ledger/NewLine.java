package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A line about to be booked. */
public record NewLine(
        UUID legalEntityId,
        UUID merchantId,
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
        Instant invoiceAt,
        BigDecimal amount,
        LineAmounts amounts) {
}
