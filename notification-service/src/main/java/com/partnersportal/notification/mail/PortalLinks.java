package com.partnersportal.notification.mail;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The portal pages that mails link to, under {@code portal.notification.portal-url}. */
@Component
public class PortalLinks {

    private final URI portal;

    PortalLinks(MailProperties settings) {
        this.portal = settings.portalUri();
    }

    /** Where an invited user sets a password and activates the account. */
    public String activation(String token) {
        return withToken("/activate", token);
    }

    public String passwordReset(String token) {
        return withToken("/reset-password", token);
    }

    /** The signed-in user's security section (their second factor): a page of the portal app, under /portal/. */
    public String security() {
        return UriComponentsBuilder.fromUri(portal).path("/portal/security").encode().toUriString();
    }

    /** Where a merchant sees, re-enables and recovers a webhook endpoint. */
    public String webhookEndpoint(UUID endpointId) {
        return UriComponentsBuilder.fromUri(portal).path("/webhooks/endpoints/{id}")
                .buildAndExpand(Objects.requireNonNull(endpointId, "endpointId")).encode().toUriString();
    }

    private String withToken(String page, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a link to " + page + " needs a token");
        }
        return UriComponentsBuilder.fromUri(portal).path(page).queryParam("token", "{token}")
                .encode().buildAndExpand(token).toUriString();
    }
}
