package com.partnersportal.notification.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a mail over SMTP ({@code spring.mail.*}) as {@code multipart/alternative}: the plain text first, the
 * HTML as the preferred part. From {@code portal.notification.from}; the notification's id is the Message-ID,
 * so a mail sent twice after a crash is recognisably the same mail.
 */
@Component
public class SmtpMailer {

    private final JavaMailSender smtp;
    private final InternetAddress from;
    private final String senderDomain;
    private final Clock clock;

    SmtpMailer(JavaMailSender smtp, MailProperties settings, Clock clock) {
        this.smtp = smtp;
        this.from = settings.fromAddress();
        this.senderDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.clock = clock;
    }

    /** @throws MailNotSent if the server did not take it */
    public void send(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = compose(mail);
        } catch (AddressException e) {
            throw new MailNotSent("the recipient address is not valid: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new MailNotSent("the mail could not be composed: " + e.getMessage(), true, e);
        }
        try {
            smtp.send(message);
        } catch (MailException e) {
            throw new MailNotSent(describe(e), isPermanent(e), e);
        }
    }

    private MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.content().subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Message-ID", "<" + mail.id() + "@" + senderDomain + ">");
        message.setHeader("Content-Language", mail.language().code());
        // RFC 3834: no out-of-office replies to a no-reply sender.
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.content().text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.content().html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    /**
     * A mail that could not be prepared, or that the server refused with a 5xx reply, fails the same way every
     * time. No connection, a timeout, a 4xx reply or refused credentials (which an operator can fix) may pass later.
     */
    static boolean isPermanent(MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        if (e instanceof MailSendException send) {
            return isPermanentReply(send) || send.getFailedMessages().values().stream().anyMatch(SmtpMailer::isPermanentReply);
        }
        return false;
    }

    private static boolean isPermanentReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500
                    || t instanceof SMTPSendFailedException rejected && rejected.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** "Mail server connection failed: Couldn't connect to host, port: ...; timeout 5000: Connection refused". */
    static String describe(MailException e) {
        Set<String> messages = new LinkedHashSet<>();
        Throwable failure = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next() : e;
        if (failure != e && e.getMessage() != null && !e.getMessage().startsWith("Failed messages")) {
            messages.add(e.getMessage().strip());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (messages.stream().noneMatch(seen -> seen.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }
}
