package com.partnersportal.notification.recipients;

/** identity-service could not say who is in an audience right now (down, slow, a 5xx); a later lookup may succeed. */
class RecipientsUnavailable extends RuntimeException {

    RecipientsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
