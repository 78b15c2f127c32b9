package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailRequestTest {

    @Test
    void aMappingThatForgetsAVariableItsTemplatesNeedIsRefused() {
        assertThatThrownBy(() -> MailRequest.to(MailKind.PASSWORD_RESET, "a@example.com", Language.EN)
                .with("name", "Noura").with("expiresAt", "tomorrow").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resetUrl");
    }

    @Test
    void aMailNeedsARecipient() {
        assertThatThrownBy(() -> MailRequest.to(MailKind.ORDER_EXPORT_FAILED, " ", Language.EN)
                .with("name", "Noura").with("reason", null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    }

    @Test
    void blankTextsCountAsAbsent() {
        MailRequest request = MailRequest.to(MailKind.ORDER_EXPORT_FAILED, " a@example.com ", Language.EN)
                .with("name", "  ").with("reason", "timeout").build();

        assertThat(request.variables()).containsEntry("name", null).containsEntry("reason", "timeout");
        assertThat(request.recipient()).isEqualTo("a@example.com");
    }
}
