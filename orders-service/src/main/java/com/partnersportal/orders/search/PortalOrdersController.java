package com.partnersportal.orders.search;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.orders.order.OrderNotFound;
import com.partnersportal.orders.wire.OrderIds;
import com.partnersportal.orders.wire.OrderView;
import com.partnersportal.orders.wire.OrderViews;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's order pages: the list with filters and search, and the detail with its timeline. The merchant comes
 * from the user's token, and a user limited to some legal entities sees only their orders.
 */
@RestController
class PortalOrdersController {

    private static final int MAX_PAGE = 200;

    private final OrderSearch search;
    private final OrderViews views;

    PortalOrdersController(OrderSearch search, OrderViews views) {
        this.search = search;
        this.views = views;
    }

    @GetMapping("/portal/v1/orders")
    OrderListResponse list(Caller caller, @RequestParam Map<String, String> query,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        caller.requireUser(Permission.ORDERS_VIEW);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of("field", "limit"));
        }
        OrderSearch.Page page = search.page(caller.requireMerchant(), caller.legalEntities(), OrderListParameters.from(query).toFilter(),
                Cursor.decode(cursor), limit);
        return OrderListResponse.of(page);
    }

    @GetMapping("/portal/v1/orders/{orderId}")
    OrderView detail(Caller caller, @PathVariable String orderId) {
        caller.requireUser(Permission.ORDERS_VIEW);
        UUID id = OrderIds.parse(orderId);
        return views.findWithTimeline(caller.requireMerchant(), id)
                .filter(order -> caller.sees(order.legalEntityId()))
                .orElseThrow(() -> new OrderNotFound(id));
    }
}
