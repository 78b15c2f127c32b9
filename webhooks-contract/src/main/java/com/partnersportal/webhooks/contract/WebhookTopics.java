package com.partnersportal.webhooks.contract;

/** Kafka topics owned by webhook-dispatcher. The version in the name changes only with an incompatible payload. */
public final class WebhookTopics {

    /**
     * What happened to a merchant's webhook endpoints that people must hear about, for notification-service to mail
     * the users who manage webhooks. {@link WebhookEndpointDisabled} is keyed by endpoint id.
     */
    public static final String ENDPOINT_EVENTS = "webhooks.endpoint-events.v1";

    private WebhookTopics() {
    }
}
