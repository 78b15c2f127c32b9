package com.partnersportal.settlement.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a report's payout stands. A positive net payable starts {@code not_settled}, becomes {@code pending} when
 * the operator sends the payout and {@code settled} when the bank confirms it. A zero net is {@code settled} at
 * once (nothing to pay); a negative one is {@code carried_forward} into the next period and never paid.
 */
public enum ReportStatus {
    NOT_SETTLED("not_settled"),
    PENDING("pending"),
    SETTLED("settled"),
    CARRIED_FORWARD("carried_forward");

    private final String wireName;

    ReportStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReportStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
