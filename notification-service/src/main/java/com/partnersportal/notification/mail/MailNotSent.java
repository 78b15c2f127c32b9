package com.partnersportal.notification.mail;

/**
 * The SMTP server did not take a mail. {@link #permanent()} when trying again cannot help (an address that
 * is not one, a 5xx reply); otherwise (no connection, a timeout, a 4xx reply) a later attempt may succeed.
 * The message names the failure, never the mail's content.
 */
public class MailNotSent extends RuntimeException {

    private final boolean permanent;

    MailNotSent(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
