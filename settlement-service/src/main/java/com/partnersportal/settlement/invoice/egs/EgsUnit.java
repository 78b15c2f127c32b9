package com.partnersportal.settlement.invoice.egs;

import java.time.Instant;
import java.util.UUID;

/** One onboarding (or renewal) of the EGS unit, as operators see it: no secrets. */
public record EgsUnit(
        UUID id,
        String environment,
        Status status,
        String commonName,
        String egsSerialNumber,
        String vatNumber,
        String invoiceTypes,
        String complianceRequestId,
        String complianceChecks,
        String productionRequestId,
        String certificateSerial,
        Instant notAfter,
        UUID renewalOf,
        String lastError,
        Instant createdAt,
        Instant activatedAt) {

    /** COMPLIANCE: compliance CSID obtained; CHECKED: compliance checks passed; ACTIVE: signs; SUPERSEDED: replaced by a renewal or a
     * new onboarding, or an onboarding left aside. */
    public enum Status {
        COMPLIANCE, CHECKED, ACTIVE, SUPERSEDED
    }
}
