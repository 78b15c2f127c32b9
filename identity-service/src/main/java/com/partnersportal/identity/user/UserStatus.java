package com.partnersportal.identity.user;

public enum UserStatus {
    /** Invited; has not yet set a password through the activation link. */
    INVITED,
    ACTIVE,
    DISABLED
}
