package com.partnersportal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

class SmtpMailerTest {

    @Test
    void aRecipientTheServerRefusesWithA5xxReplyIsAPermanentFailure() throws Exception {
        assertThat(SmtpMailer.isPermanent(refused(550, "550 5.1.1 <x@example.com>: user unknown"))).isTrue();
    }

    @Test
    void aTemporaryRefusalNoConnectionAndRefusedCredentialsMayPassLater() throws Exception {
        assertThat(SmtpMailer.isPermanent(refused(451, "451 4.3.0 try again later"))).isFalse();
        MessagingException noConnection = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 9; timeout 5000",
                new ConnectException("Connection refused"));
        assertThat(SmtpMailer.isPermanent(new MailSendException("Mail server connection failed", noConnection))).isFalse();
        assertThat(SmtpMailer.isPermanent(new MailAuthenticationException("535 authentication failed"))).isFalse();
    }

    @Test
    void aMailThatCannotBeParsedIsAPermanentFailure() {
        assertThat(SmtpMailer.isPermanent(new MailParseException("bad address"))).isTrue();
    }

    @Test
    void theFailureIsDescribedWithItsCausesButNothingOfTheMail() {
        MessagingException noConnection = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 9; timeout 5000",
                new ConnectException("Connection refused"));

        assertThat(SmtpMailer.describe(new MailSendException("Mail server connection failed", noConnection)))
                .isEqualTo("Mail server connection failed: Couldn't connect to host, port: 127.0.0.1, 9; timeout 5000: Connection refused");
    }

    private static MailSendException refused(int code, String reply) throws Exception {
        SMTPAddressFailedException refusal = new SMTPAddressFailedException(new InternetAddress("x@example.com"),
                "RCPT TO:<x@example.com>", code, reply);
        return new MailSendException(Map.of(new Object(), new MessagingException("Invalid Addresses", refusal)));
    }
}
