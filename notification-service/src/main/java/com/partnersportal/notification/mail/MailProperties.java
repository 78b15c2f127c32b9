package com.partnersportal.notification.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.notification.*}: what the mails say and who they come from.
 *
 * @param portalUrl where the portal's pages are; activation and reset links point there
 * @param from      the sender, with a display name: {@code Partners Portal <no-reply@partners-portal.local>}
 * @param timeZone  the time zone in which mails state times (link expiry); KSA by default
 */
@ConfigurationProperties("portal.notification")
public record MailProperties(String portalUrl, String from, String timeZone) {

    public MailProperties {
        portalUrl = portalUrl == null || portalUrl.isBlank() ? "http://127.0.0.1:8080" : portalUrl.trim();
        from = from == null || from.isBlank() ? "Partners Portal <no-reply@partners-portal.local>" : from.trim();
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Riyadh" : timeZone.trim();
        // Fail at start-up rather than at the first mail.
        portalUri(portalUrl);
        fromAddress(from);
        ZoneId.of(timeZone);
    }

    public URI portalUri() {
        return portalUri(portalUrl);
    }

    public InternetAddress fromAddress() {
        return fromAddress(from);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static URI portalUri(String portalUrl) {
        URI uri;
        try {
            uri = URI.create(portalUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("portal.notification.portal-url must be an http(s) address: " + portalUrl);
        }
        return uri;
    }

    private static InternetAddress fromAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("portal.notification.from is not a mail address: " + from, e);
        }
    }
}
