package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/** An operator registered (or updated) a legal entity through which a merchant trades and is settled. */
public record LegalEntityRegistered(
        UUID legalEntityId,
        UUID merchantId,
        String legalNameEn,
        String legalNameAr,
        String countryCode,
        String currency,
        String commercialRegistration,
        String vatNumber,
        String address,
        String timeZone,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.legal-entity-registered.v1";
}
