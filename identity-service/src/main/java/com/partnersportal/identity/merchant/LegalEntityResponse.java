package com.partnersportal.identity.merchant;

import java.time.Instant;
import java.util.UUID;

/** A legal entity as operators and the merchant's users see it. */
record LegalEntityResponse(UUID id, UUID merchantId, String legalNameEn, String legalNameAr, String countryCode,
        String currency, String commercialRegistration, String vatNumber, String address, String timeZone,
        Instant createdAt) {

    static LegalEntityResponse of(LegalEntity entity) {
        return new LegalEntityResponse(entity.id(), entity.merchantId(), entity.legalNameEn(), entity.legalNameAr(),
                entity.countryCode(), entity.currency(), entity.commercialRegistration(), entity.vatNumber(),
                entity.address(), entity.timeZone(), entity.createdAt());
    }
}
