package com.partnersportal.settlement.profile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What booking a line needs, read under the profile's share lock so that no period closes meanwhile: the open
 * period's start and the start of the fees not yet invoiced (a line is never placed before either), the fee in the
 * line's currency and the VAT rate on fees.
 */
public record BookingTerms(Instant periodStart, Instant invoiceFrom, FeeRate fee, BigDecimal vatRate) {

    public Instant settleAt(Instant eventTime) {
        return eventTime.isBefore(periodStart) ? periodStart : eventTime;
    }

    public Instant invoiceAt(Instant eventTime) {
        return eventTime.isBefore(invoiceFrom) ? invoiceFrom : eventTime;
    }
}
