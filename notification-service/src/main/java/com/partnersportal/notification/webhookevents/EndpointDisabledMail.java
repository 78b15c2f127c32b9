package com.partnersportal.notification.webhookevents;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.PortalLinks;
import com.partnersportal.notification.recipients.Audience;
import com.partnersportal.notification.recipients.AudienceMail;
import com.partnersportal.notification.recipients.Recipient;
import com.partnersportal.webhooks.contract.WebhookEndpointDisabled;
import org.springframework.stereotype.Component;

/**
 * A webhook endpoint that stopped receiving deliveries, to the merchant's users who manage webhooks: which one, why,
 * the last error, how many messages wait, and that re-enabling it in the portal offers to recover them.
 */
@Component
class EndpointDisabledMail implements AudienceMail<WebhookEndpointDisabled> {

    static final String GONE = "gone";

    private final MailFormats formats;
    private final PortalLinks links;

    EndpointDisabledMail(MailFormats formats, PortalLinks links) {
        this.formats = formats;
        this.links = links;
    }

    @Override
    public String eventType() {
        return WebhookEndpointDisabled.TYPE;
    }

    @Override
    public Class<WebhookEndpointDisabled> payloadType() {
        return WebhookEndpointDisabled.class;
    }

    @Override
    public Audience audience(WebhookEndpointDisabled disabled) {
        if (disabled.endpointId() == null || disabled.url() == null || disabled.url().isBlank()) {
            throw new IllegalArgumentException("the disabled endpoint has no id or url");
        }
        return Audience.withPermission(disabled.merchantId(), Permission.WEBHOOKS_MANAGE);
    }

    /** The endpoint's URL is shown as text, never as a link: it is the merchant's server, not a page to open. */
    @Override
    public MailRequest mailTo(Recipient recipient, WebhookEndpointDisabled disabled) {
        Language language = recipient.language();
        return MailRequest.to(MailKind.WEBHOOK_ENDPOINT_DISABLED, recipient.email(), language)
                .with("name", recipient.fullName())
                .with("url", disabled.url())
                .with("description", disabled.description())
                .with("gone", GONE.equals(disabled.reason()))
                .with("failingSince", formats.dateTime(disabled.failingSince(), language))
                .with("lastError", disabled.lastError())
                .with("undeliveredCount", disabled.undeliveredCount() > 0 ? formats.count(disabled.undeliveredCount()) : null)
                .with("settingsUrl", links.webhookEndpoint(disabled.endpointId()))
                .build();
    }
}
