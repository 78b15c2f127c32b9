package com.partnersportal.notification.mail;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: what kind, to whom, in which language, and the values its templates show. Built by a
 * consumer's mapping from the event that asks for it.
 */
public record MailRequest(MailKind kind, String recipient, Language language, Map<String, Object> variables) {

    public MailRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a " + kind.code() + " mail needs a recipient address");
        }
        recipient = recipient.trim();
        for (String name : kind.variables()) {
            if (!variables.containsKey(name)) {
                throw new IllegalArgumentException("a " + kind.code() + " mail needs the variable '" + name + "'");
            }
        }
        // Map.copyOf refuses nulls, and an optional value (a missing name, say) is legitimately null.
        variables = Collections.unmodifiableMap(new HashMap<>(variables));
    }

    /** Starts a request: {@code MailRequest.to(kind, address, language).with("name", name).build()}. */
    public static Builder to(MailKind kind, String recipient, Language language) {
        return new Builder(kind, recipient, language);
    }

    public static final class Builder {
        private final MailKind kind;
        private final String recipient;
        private final Language language;
        private final Map<String, Object> variables = new HashMap<>();

        private Builder(MailKind kind, String recipient, Language language) {
            this.kind = kind;
            this.recipient = recipient;
            this.language = language;
        }

        /** Binds a template variable; a blank text counts as absent (null), so templates can test for it. */
        public Builder with(String name, Object value) {
            variables.put(name, value instanceof String text && text.isBlank() ? null : value);
            return this;
        }

        public MailRequest build() {
            return new MailRequest(kind, recipient, language, variables);
        }
    }
}
