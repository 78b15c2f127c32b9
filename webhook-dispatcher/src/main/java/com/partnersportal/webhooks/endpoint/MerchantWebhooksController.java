package com.partnersportal.webhooks.endpoint;

import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamara's merchant API for webhooks, called with the merchant's API token: {@code POST /webhooks},
 * {@code GET/PUT/DELETE /webhooks/{webhook_id}} (and the list). The merchant is the token's, never the request's.
 */
@RestController
class MerchantWebhooksController {

    private final Endpoints endpoints;

    MerchantWebhooksController(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PostMapping("/webhooks")
    Map<String, Object> register(Caller caller, @RequestBody EndpointRequest request) {
        UUID merchant = caller.requireApiToken().requireMerchant();
        return Map.of("webhook_id", endpoints.create(merchant, request.toChange()).id());
    }

    @GetMapping("/webhooks")
    List<EndpointView> list(Caller caller) {
        return endpoints.list(caller.requireApiToken().requireMerchant()).stream().map(EndpointView::of).toList();
    }

    @GetMapping("/webhooks/{webhookId}")
    EndpointView get(Caller caller, @PathVariable UUID webhookId) {
        return EndpointView.of(endpoints.require(caller.requireApiToken().requireMerchant(), webhookId));
    }

    @Authorize(kind = Caller.Kind.API_TOKEN)
    @PutMapping("/webhooks/{webhookId}")
    EndpointView update(Caller caller, @PathVariable UUID webhookId, @RequestBody EndpointRequest request) {
        return EndpointView.of(endpoints.replace(caller.requireApiToken().requireMerchant(), webhookId, request.toChange()));
    }

    @DeleteMapping("/webhooks/{webhookId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID webhookId) {
        endpoints.delete(caller.requireApiToken().requireMerchant(), webhookId);
        return ResponseEntity.noContent().build();
    }
}
