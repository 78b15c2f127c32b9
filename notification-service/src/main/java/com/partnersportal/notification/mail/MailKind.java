package com.partnersportal.notification.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    SECOND_FACTOR_ENABLED("second-factor-enabled", "name", "occurredAt", "clientAddress", "securityUrl"),
    SECOND_FACTOR_REPLACED("second-factor-replaced", "name", "occurredAt", "clientAddress", "securityUrl"),
    SECOND_FACTOR_DISABLED("second-factor-disabled", "name", "occurredAt", "clientAddress", "securityUrl"),
    SECOND_FACTOR_RESET("second-factor-reset", "name", "changedBy", "occurredAt", "clientAddress", "securityUrl"),
    RECOVERY_CODES_REGENERATED("recovery-codes-regenerated", "name", "occurredAt", "clientAddress", "securityUrl"),
    RECOVERY_CODE_USED("recovery-code-used", "name", "remaining", "fewLeft", "occurredAt", "clientAddress",
            "securityUrl"),
    ORDER_EXPORT_READY("order-export-ready", "name", "downloadUrl", "expiresAt", "rowCount", "createdFrom", "createdTo"),
    ORDER_EXPORT_FAILED("order-export-failed", "name", "reason"),
    SETTLEMENT_REPORT_READY("settlement-report-ready",
            List.of("settlementReference", "legalEntityName", "netPayable"),
            "name", "periodStart", "periodEnd", "carriedForward", "expectedPayoutDate", "totalSales", "totalRefunds",
            "totalFees", "totalVat", "downloadUrl", "expiresAt"),
    TAX_INVOICE_ISSUED("tax-invoice-issued", List.of("invoiceNumber", "month"),
            "name", "legalEntityName", "taxableAmount", "vatAmount", "totalWithVat", "pdfUrl", "xmlUrl", "expiresAt"),
    TAX_NOTE_ISSUED("tax-note-issued", List.of("noteTitle", "noteNumber", "invoiceNumber"),
            "name", "credit", "legalEntityName", "reason", "taxableAmount", "vatAmount", "totalWithVat", "pdfUrl",
            "xmlUrl", "expiresAt"),
    WEBHOOK_ENDPOINT_DISABLED("webhook-endpoint-disabled", List.of("url"),
            "name", "description", "gone", "failingSince", "lastError", "undeliveredCount", "settingsUrl");

    private final String code;
    private final List<String> subjectArguments;
    private final List<String> variables;

    MailKind(String code, String... variables) {
        this(code, List.of(), variables);
    }

    MailKind(String code, List<String> subjectArguments, String... variables) {
        this.code = code;
        this.subjectArguments = List.copyOf(subjectArguments);
        this.variables = Stream.concat(subjectArguments.stream(), Stream.of(variables)).toList();
    }

    public String code() {
        return code;
    }

    /**
     * The variables its subject shows, in the order of the subject text's arguments ({@code {0}}, {@code {1}}, ...).
     * Most subjects have none.
     */
    public List<String> subjectArguments() {
        return subjectArguments;
    }

    /** The names its subject and templates read; a {@link MailRequest} must bind each of them (to null where optional). */
    public List<String> variables() {
        return variables;
    }

    public static Optional<MailKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
