package com.partnersportal.settlement.invoice;

/**
 * Where a tax document stands with ZATCA. Only a cleared (or, with clearance switched off, reported) document is
 * shared with the merchant; one issued before Phase 2 ({@code PHASE_1}) was shared as it was.
 */
public enum ClearanceStatus {
    PHASE_1, PENDING, CLEARED, CLEARED_WITH_WARNINGS, REPORTED, REJECTED;

    public boolean shareable() {
        return this == CLEARED || this == CLEARED_WITH_WARNINGS || this == REPORTED || this == PHASE_1;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
