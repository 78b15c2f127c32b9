package com.partnersportal.identity.user;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user_legal_entity")
public record UserLegalEntity(UUID legalEntityId) {
}
