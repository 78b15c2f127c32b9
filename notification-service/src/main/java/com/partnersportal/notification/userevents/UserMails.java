package com.partnersportal.notification.userevents;

import com.partnersportal.identity.contract.PasswordResetRequested;
import com.partnersportal.identity.contract.SecondFactorChanged;
import com.partnersportal.identity.contract.UserInvited;
import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.PortalLinks;
import org.springframework.stereotype.Component;

/** Which mail a user event asks for, to whom, in which language, with what in it. */
@Component
class UserMails {

    private final PortalLinks links;
    private final MailFormats formats;

    UserMails(PortalLinks links, MailFormats formats) {
        this.links = links;
        this.formats = formats;
    }

    /** The first invitation, or a re-issued activation link (which voids the earlier ones). */
    MailRequest activation(UserInvited invited) {
        Language language = Language.ofLocale(invited.locale());
        MailKind kind = invited.reissued() ? MailKind.ACTIVATION_REISSUED : MailKind.USER_INVITED;
        return MailRequest.to(kind, invited.email(), language)
                .with("name", invited.fullName())
                .with("activationUrl", links.activation(invited.activationToken()))
                .with("expiresAt", formats.dateTime(invited.expiresAt(), language))
                .build();
    }

    MailRequest passwordReset(PasswordResetRequested reset) {
        Language language = Language.ofLocale(reset.locale());
        return MailRequest.to(MailKind.PASSWORD_RESET, reset.email(), language)
                .with("name", reset.fullName())
                .with("resetUrl", links.passwordReset(reset.resetToken()))
                .with("expiresAt", formats.dateTime(reset.expiresAt(), language))
                .build();
    }

    /** A change of the user's second factor, so that one they did not make does not go unnoticed. */
    MailRequest secondFactorChanged(SecondFactorChanged changed) {
        Language language = Language.ofLocale(changed.locale());
        MailKind kind = switch (changed.change()) {
            case SecondFactorChanged.ENABLED -> MailKind.SECOND_FACTOR_ENABLED;
            case SecondFactorChanged.REPLACED -> MailKind.SECOND_FACTOR_REPLACED;
            case SecondFactorChanged.DISABLED -> MailKind.SECOND_FACTOR_DISABLED;
            case SecondFactorChanged.RESET -> MailKind.SECOND_FACTOR_RESET;
            case SecondFactorChanged.RECOVERY_CODES_REGENERATED -> MailKind.RECOVERY_CODES_REGENERATED;
            case SecondFactorChanged.RECOVERY_CODE_USED -> MailKind.RECOVERY_CODE_USED;
            default -> throw new IllegalArgumentException("unknown second-factor change " + changed.change());
        };
        MailRequest.Builder mail = MailRequest.to(kind, changed.email(), language)
                .with("name", changed.fullName())
                .with("occurredAt", formats.dateTime(changed.occurredAt(), language))
                .with("clientAddress", shownAddress(changed.clientAddress()))
                .with("securityUrl", links.security());
        if (kind == MailKind.SECOND_FACTOR_RESET) {
            mail.with("changedBy", changed.changedBy());
        }
        if (kind == MailKind.RECOVERY_CODE_USED) {
            mail.with("remaining", formats.count(changed.recoveryCodesRemaining()))
                    .with("fewLeft", changed.recoveryCodesRemaining() <= 2);
        }
        return mail.build();
    }

    /** identity names no address for changes made outside a request ("none"). */
    private static String shownAddress(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() || "none".equals(clientAddress) ? null : clientAddress;
    }
}
