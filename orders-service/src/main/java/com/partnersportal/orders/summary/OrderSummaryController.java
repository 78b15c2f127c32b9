package com.partnersportal.orders.summary;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's home page, from orders-service's own data: today's and this week's figures per currency, the
 * orders that need the merchant, and the last 12 weeks. Scoped like the order list: the caller's merchant, and a
 * user limited to some legal entities sees only theirs.
 */
@RestController
class OrderSummaryController {

    private static final String DEFAULT_TIME_ZONE = "Asia/Riyadh";

    private final OrderFigures figures;

    OrderSummaryController(OrderFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/portal/v1/orders/summary")
    OrderSummary summary(Caller caller, @RequestParam(name = "time_zone", required = false) String timeZone,
            @RequestParam(name = "legal_entity_id", required = false) String legalEntityId) {
        caller.requireUser(Permission.ORDERS_VIEW);
        return figures.summary(new OrderFigures.Scope(caller.requireMerchant(), caller.legalEntities(),
                entity(legalEntityId)), zone(timeZone));
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone);
        } catch (DateTimeException e) {
            throw invalid("time_zone", "time_zone is not a time zone such as Asia/Riyadh.");
        }
    }

    private static UUID entity(String legalEntityId) {
        if (legalEntityId == null || legalEntityId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(legalEntityId);
        } catch (IllegalArgumentException e) {
            throw invalid("legal_entity_id", "legal_entity_id is not an id.");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }
}
