package com.partnersportal.notification.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** A mail as the SMTP server received it, read as a mail client would. */
public record ReceivedMail(MimeMessage message) {

    public String subject() {
        return read(message::getSubject);
    }

    public String from() {
        return read(() -> message.getFrom()[0].toString());
    }

    public String header(String name) {
        return read(() -> message.getHeader(name, ","));
    }

    public String contentType() {
        return read(message::getContentType);
    }

    /** The {@code text/html} alternative. */
    public String html() {
        return part("text/html");
    }

    /** The {@code text/plain} alternative. */
    public String text() {
        return part("text/plain");
    }

    private String part(String mimeType) {
        return read(() -> {
            Multipart alternatives = (Multipart) message.getContent();
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart part = alternatives.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("the mail has no " + mimeType + " part");
        });
    }

    private interface Read<T> {
        T get() throws MessagingException, IOException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
