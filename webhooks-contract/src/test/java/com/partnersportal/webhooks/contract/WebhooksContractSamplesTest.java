package com.partnersportal.webhooks.contract;

import com.partnersportal.contracttest.ContractSamplesContract;
import java.util.List;
import java.util.Map;

class WebhooksContractSamplesTest extends ContractSamplesContract {

    @Override
    protected List<String> topics() {
        return List.of(WebhookTopics.ENDPOINT_EVENTS);
    }

    @Override
    protected Map<String, Class<?>> eventTypes() {
        return Map.ofEntries(
                Map.entry(WebhookEndpointDisabled.TYPE, WebhookEndpointDisabled.class));
    }
}
