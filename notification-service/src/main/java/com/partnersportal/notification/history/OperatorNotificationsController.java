package com.partnersportal.notification.history;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the provider's operators see of outgoing mail: {@code GET /operator/v1/notifications} (filtered by
 * recipient, status, kind and creation time, newest first, paged with a cursor) and one notification by id.
 * Operators only; the caller is checked before any parameter is read.
 */
@RestController
@RequestMapping("/operator/v1/notifications")
class OperatorNotificationsController {

    private final NotificationSearch search;

    OperatorNotificationsController(NotificationSearch search) {
        this.search = search;
    }

    @GetMapping
    NotificationPage list(Caller caller,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(name = "created_from", required = false) String createdFrom,
            @RequestParam(name = "created_to", required = false) String createdTo,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        caller.require(Permission.OPERATOR);
        return search.page(NotificationQuery.parse(recipient, status, kind, createdFrom, createdTo, limit, cursor));
    }

    @GetMapping("/{id}")
    NotificationDetails get(Caller caller, @PathVariable String id) {
        caller.require(Permission.OPERATOR);
        return search.find(notificationId(id)).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "notification_not_found", "There is no notification " + id + ".", Map.of("id", id)));
    }

    private static UUID notificationId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_parameter", "id is not a notification id.",
                    Map.of("parameter", "id", "reason", "must be a UUID"));
        }
    }
}
