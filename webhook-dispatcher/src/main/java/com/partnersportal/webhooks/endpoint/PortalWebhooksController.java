package com.partnersportal.webhooks.endpoint;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's webhook endpoints, for users with {@code webhooks.manage}: the endpoints, their secrets (reveal,
 * rotate) and the notification token. Turning an endpoint on again, tests, health and the delivery log are
 * {@code delivery.PortalWebhookDeliveryController}'s.
 */
@RestController
class PortalWebhooksController {

    private final Endpoints endpoints;
    private final EndpointSecrets secrets;

    PortalWebhooksController(Endpoints endpoints, EndpointSecrets secrets) {
        this.endpoints = endpoints;
        this.secrets = secrets;
    }

    private static UUID merchant(Caller caller) {
        return caller.requireUser(Permission.WEBHOOKS_MANAGE).requireMerchant();
    }

    @GetMapping("/portal/v1/webhooks")
    List<EndpointView> list(Caller caller) {
        return endpoints.list(merchant(caller)).stream().map(EndpointView::of).toList();
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.WEBHOOKS_MANAGE)
    @PostMapping("/portal/v1/webhooks")
    ResponseEntity<EndpointView> create(Caller caller, @RequestBody EndpointRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(EndpointView.of(endpoints.create(merchant(caller), request.toChange())));
    }

    @GetMapping("/portal/v1/webhooks/{id}")
    EndpointView get(Caller caller, @PathVariable UUID id) {
        return EndpointView.of(endpoints.require(merchant(caller), id));
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.WEBHOOKS_MANAGE)
    @PutMapping("/portal/v1/webhooks/{id}")
    EndpointView update(Caller caller, @PathVariable UUID id, @RequestBody EndpointRequest request) {
        return EndpointView.of(endpoints.replace(merchant(caller), id, request.toChange()));
    }

    @DeleteMapping("/portal/v1/webhooks/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        endpoints.delete(merchant(caller), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/portal/v1/webhooks/{id}/disable")
    EndpointView disable(Caller caller, @PathVariable UUID id) {
        return EndpointView.of(endpoints.disableByUser(merchant(caller), id));
    }

    @GetMapping("/portal/v1/webhooks/{id}/secret")
    Map<String, Object> secret(Caller caller, @PathVariable UUID id) {
        Endpoint endpoint = endpoints.require(merchant(caller), id);
        return Map.of("webhook_id", endpoint.id(), "secret", secrets.current(endpoint.id()));
    }

    @PostMapping("/portal/v1/webhooks/{id}/secret/rotate")
    Map<String, Object> rotate(Caller caller, @PathVariable UUID id) {
        Endpoint endpoint = endpoints.require(merchant(caller), id);
        EndpointSecrets.Rotation rotation = secrets.rotate(endpoint.id());
        return Map.of("webhook_id", endpoint.id(), "secret", rotation.secret(),
                "previous_secret_expires_at", rotation.previousExpiresAt());
    }

    @GetMapping("/portal/v1/webhooks/notification-token")
    Map<String, Object> notificationToken(Caller caller) {
        return Map.of("notification_token", secrets.notificationToken(merchant(caller)));
    }

    @PostMapping("/portal/v1/webhooks/notification-token/rotate")
    Map<String, Object> rotateNotificationToken(Caller caller) {
        return Map.of("notification_token", secrets.rotateNotificationToken(merchant(caller)));
    }
}
