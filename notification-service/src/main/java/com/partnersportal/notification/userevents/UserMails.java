package com.partnersportal.notification.userevents;

import com.partnersportal.identity.contract.PasswordResetRequested;
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
}
