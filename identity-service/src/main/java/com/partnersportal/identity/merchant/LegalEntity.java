package com.partnersportal.identity.merchant;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A registered company through which a merchant trades, in one country and currency. */
@Table("legal_entity")
public record LegalEntity(UUID id, String legalNameEn, String legalNameAr, String countryCode, String currency,
        String commercialRegistration, String vatNumber, String address, String timeZone, Instant createdAt) {
}
