package com.partnersportal.identity.merchant;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A business that sells with the platform. It trades through one or more {@link LegalEntity legal entities}. */
@Table("merchant")
public record Merchant(@Id UUID id, String nameEn, String nameAr, Instant createdAt, @Version Long version) {
}
