package com.partnersportal.webhooks.delivery;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.webhooks.endpoint.Endpoint;
import com.partnersportal.webhooks.endpoint.EndpointView;
import com.partnersportal.webhooks.endpoint.Endpoints;
import com.partnersportal.webhooks.message.MessageLog;
import com.partnersportal.webhooks.message.Messages;
import com.partnersportal.webhooks.publicevent.OrderWebhook;
import com.partnersportal.webhooks.publicevent.PublicEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's view of webhook delivery, for users with {@code webhooks.manage}: turning an endpoint on again (with
 * recovery), test events, endpoint health, the delivery log with attempts, resend and recovery.
 */
@RestController
class PortalWebhookDeliveryController {

    private static final int MAX_PAGE = 200;

    private final Endpoints endpoints;
    private final Messages messages;
    private final MessageLog log;
    private final EndpointGuards guards;
    private final Clock clock;

    PortalWebhookDeliveryController(Endpoints endpoints, Messages messages, MessageLog log, EndpointGuards guards,
            Clock clock) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.log = log;
        this.guards = guards;
        this.clock = clock;
    }

    private static UUID merchant(Caller caller) {
        return caller.requireUser(Permission.WEBHOOKS_MANAGE).requireMerchant();
    }

    record EnableRequest(Instant recoverSince) {
    }

    /** Turns an endpoint on again; with {@code recover_since}, its failed messages since then go out again. */
    @Authorize(kind = Caller.Kind.USER, permissions = Permission.WEBHOOKS_MANAGE)
    @PostMapping("/portal/v1/webhooks/{id}/enable")
    Map<String, Object> enable(Caller caller, @PathVariable UUID id, @RequestBody(required = false) EnableRequest request) {
        UUID merchant = merchant(caller);
        Endpoint before = endpoints.require(merchant, id);
        Endpoint endpoint = endpoints.enable(merchant, id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webhook", EndpointView.of(endpoint));
        int recovered = request != null && request.recoverSince() != null
                ? messages.recover(merchant, id, request.recoverSince()) : 0;
        answer.put("recovered", recovered);
        // What recovery would bring back: the failed messages since the endpoint began failing.
        answer.put("recovery_offer", before.failingSince() != null ? before.failingSince() : before.disabledAt());
        return answer;
    }

    record TestRequest(String eventType) {
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.WEBHOOKS_MANAGE)
    @PostMapping("/portal/v1/webhooks/{id}/test")
    ResponseEntity<Map<String, Object>> test(Caller caller, @PathVariable UUID id,
            @RequestBody(required = false) TestRequest request) {
        UUID merchant = merchant(caller);
        Endpoint endpoint = endpoints.require(merchant, id);
        String typeName = request == null || request.eventType() == null ? "order_approved" : request.eventType();
        PublicEventType type = PublicEventType.fromWireName(typeName).orElseThrow(() -> new ApiProblem(
                HttpStatus.BAD_REQUEST, "event_type_unknown", "'" + typeName + "' is not an event type.",
                Map.of("field", "event_type")));
        UUID messageId = messages.enqueueTest(endpoint.id(), OrderWebhook.sample(merchant, type, clock.instant()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message_id", messageId));
    }

    @GetMapping("/portal/v1/webhooks/{id}/health")
    Map<String, Object> health(Caller caller, @PathVariable UUID id) {
        Endpoint endpoint = endpoints.require(merchant(caller), id);
        MessageLog.Health health = log.health(endpoint.id(), endpoint.failingSince(), endpoint.lastSuccessAt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webhook_id", endpoint.id());
        answer.put("enabled", endpoint.enabled());
        answer.put("circuit", guards.stateOf(endpoint.id()));
        answer.put("attempts_24h", health.attempts());
        answer.put("successes_24h", health.successes());
        answer.put("success_rate_24h", health.successRate());
        answer.put("queue_depth", health.queueDepth());
        answer.put("failed_messages", health.failedMessages());
        answer.put("failing_since", health.failingSince());
        answer.put("last_success_at", health.lastSuccessAt());
        answer.put("recent_failures", health.recentFailures());
        return answer;
    }

    record RecoverRequest(Instant since) {
    }

    @Authorize(kind = Caller.Kind.USER, permissions = Permission.WEBHOOKS_MANAGE)
    @PostMapping("/portal/v1/webhooks/{id}/recover")
    Map<String, Object> recover(Caller caller, @PathVariable UUID id, @RequestBody RecoverRequest request) {
        UUID merchant = merchant(caller);
        Endpoint endpoint = endpoints.require(merchant, id);
        if (request == null || request.since() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "since is required.", Map.of("field", "since"));
        }
        return Map.of("recovered", messages.recover(merchant, endpoint.id(), request.since()));
    }

    @GetMapping("/portal/v1/webhooks/messages")
    MessageLog.Page messages(Caller caller, @RequestParam(name = "endpoint_id", required = false) UUID endpointId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(required = false) String status, @RequestParam(name = "order_id", required = false) UUID orderId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        UUID merchant = merchant(caller);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of("field", "limit"));
        }
        if (status != null && !List.of("pending", "delivered", "failed").contains(status)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "status is pending, delivered or failed.",
                    Map.of("field", "status"));
        }
        return log.page(merchant, new MessageLog.Filter(endpointId, eventType, status, orderId, instant("from", from),
                instant("to", to)), cursor, limit);
    }

    @GetMapping("/portal/v1/webhooks/messages/{messageId}")
    Map<String, Object> message(Caller caller, @PathVariable UUID messageId) {
        MessageLog.MessageRow message = log.message(merchant(caller), messageId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message);
        answer.put("attempts", log.attempts(messageId));
        return answer;
    }

    @PostMapping("/portal/v1/webhooks/messages/{messageId}/resend")
    ResponseEntity<Map<String, Object>> resend(Caller caller, @PathVariable UUID messageId) {
        messages.resend(merchant(caller), messageId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message_id", messageId));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", field + " is not an ISO-8601 instant.",
                    Map.of("field", field));
        }
    }
}
