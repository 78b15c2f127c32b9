package com.partnersportal.orders.merchant;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** orders-service's copy of a merchant's legal entity, kept from identity-service's merchant events. */
@Table("legal_entity")
public record LegalEntity(@Id UUID id, UUID merchantId, String legalNameEn, String countryCode, String currency,
        String timeZone, Instant updatedAt) {
}
