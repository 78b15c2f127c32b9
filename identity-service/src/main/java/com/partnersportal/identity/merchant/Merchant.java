package com.partnersportal.identity.merchant;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A business that sells with the platform, and the legal entities it trades through. */
@Table("merchant")
public record Merchant(@Id UUID id, String nameEn, String nameAr, Instant createdAt,
        @MappedCollection(idColumn = "merchant_id") Set<LegalEntity> legalEntities, @Version Long version) {

    public Merchant {
        legalEntities = Set.copyOf(legalEntities);
    }
}
