package com.partnersportal.identity.merchant;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A registered company through which a merchant trades, in one country and currency, settled on its own. */
@Table("legal_entity")
public record LegalEntity(@Id UUID id, UUID merchantId, String legalNameEn, String legalNameAr, String countryCode,
        String currency, String commercialRegistration, String vatNumber, String address, String timeZone,
        Instant createdAt, @Version Long version) {
}
