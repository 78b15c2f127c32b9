package com.partnersportal.identity.audit;

/** The administrative actions the audit log records, by their name on the wire. */
public enum AuditAction {
    MERCHANT_REGISTERED("merchant.registered"),
    LEGAL_ENTITY_REGISTERED("legal_entity.registered"),
    USER_INVITED("user.invited"),
    USER_ACTIVATION_REISSUED("user.activation_reissued"),
    USER_ROLE_CHANGED("user.role_changed"),
    USER_ENTITIES_CHANGED("user.entities_changed"),
    USER_DISABLED("user.disabled"),
    USER_ENABLED("user.enabled"),
    USER_REMOVED("user.removed"),
    USER_SECOND_FACTOR_ENABLED("user.second_factor_enabled"),
    USER_SECOND_FACTOR_DISABLED("user.second_factor_disabled"),
    USER_SECOND_FACTOR_RESET("user.second_factor_reset"),
    USER_RECOVERY_CODES_REGENERATED("user.recovery_codes_regenerated"),
    USER_RECOVERY_CODE_USED("user.recovery_code_used"),
    TEAM_SECOND_FACTOR_REQUIREMENT_CHANGED("merchant.second_factor_requirement_changed"),
    ROLE_CREATED("role.created"),
    ROLE_UPDATED("role.updated"),
    ROLE_DELETED("role.deleted"),
    API_TOKEN_CREATED("api_token.created"),
    API_TOKEN_REVOKED("api_token.revoked"),
    SIGNING_KEY_ROTATED("signing_key.rotated");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
