package com.partnersportal.identity.user;

import java.util.Locale;

public enum UserStatus {
    /** Invited; has not yet set a password through the activation link. */
    INVITED,
    ACTIVE,
    /** May not sign in or refresh; an admin can enable the user again. */
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
