package com.partnersportal.notification.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of mail the service sends: the registry that ties a kind to its templates
 * ({@code templates/mail/<code>.html} and {@code .txt}), its texts ({@code mail/messages*.properties}, keys
 * {@code <code>.*}, subject {@code <code>.subject}) and the variables its templates need. The code is what the
 * delivery records, the operator API and the metrics call the kind. How to add one: docs/notification.md.
 */
public enum MailKind {

    USER_INVITED("user-invited", "name", "activationUrl", "expiresAt"),
    ACTIVATION_REISSUED("activation-reissued", "name", "activationUrl", "expiresAt"),
    PASSWORD_RESET("password-reset", "name", "resetUrl", "expiresAt"),
    ORDER_EXPORT_READY("order-export-ready", "name", "downloadUrl", "expiresAt", "rowCount", "createdFrom", "createdTo"),
    ORDER_EXPORT_FAILED("order-export-failed", "name", "reason");

    private final String code;
    private final List<String> variables;

    MailKind(String code, String... variables) {
        this.code = code;
        this.variables = List.of(variables);
    }

    public String code() {
        return code;
    }

    /** The names its templates read; a {@link MailRequest} must bind each of them (to null where optional). */
    public List<String> variables() {
        return variables;
    }

    public static Optional<MailKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
