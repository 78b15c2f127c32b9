package com.partnersportal.identity.onetimetoken;

/** What a mailed single-use link is for; its problems are named after it ({@code activation_link_expired}). */
public enum TokenPurpose {
    ACTIVATION("activation_link"),
    PASSWORD_RESET("reset_link");

    private final String problemPrefix;

    TokenPurpose(String problemPrefix) {
        this.problemPrefix = problemPrefix;
    }

    String problemPrefix() {
        return problemPrefix;
    }
}
