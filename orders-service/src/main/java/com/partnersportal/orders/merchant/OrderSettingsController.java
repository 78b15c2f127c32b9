package com.partnersportal.orders.merchant;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators set a merchant's order timers and auto-capture (Tamara configures these per merchant). */
@RestController
class OrderSettingsController {

    private static final Duration LONGEST = Duration.ofDays(90);

    private final MerchantOrderSettings settings;

    OrderSettingsController(MerchantOrderSettings settings) {
        this.settings = settings;
    }

    /** Durations in ISO-8601 ({@code PT30M}, {@code PT72H}, {@code P21D}). */
    record OrderSettingsBody(@NotNull Duration newOrderExpiry, @NotNull Duration approvedExpiry,
            @NotNull Duration autoCaptureAfter, @NotNull Boolean autoCaptureOnAuthorise) {
    }

    @GetMapping("/operator/v1/merchants/{merchantId}/order-settings")
    OrderSettingsBody get(Caller caller, @PathVariable UUID merchantId) {
        caller.require(Permission.OPERATOR);
        return body(settings.timersOf(merchantId));
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PutMapping("/operator/v1/merchants/{merchantId}/order-settings")
    OrderSettingsBody put(Caller caller, @PathVariable UUID merchantId, @Valid @RequestBody OrderSettingsBody body) {
        caller.require(Permission.OPERATOR);
        OrderTimers timers = new OrderTimers(check("new_order_expiry", body.newOrderExpiry()),
                check("approved_expiry", body.approvedExpiry()), check("auto_capture_after", body.autoCaptureAfter()),
                body.autoCaptureOnAuthorise());
        settings.set(merchantId, timers);
        return body(timers);
    }

    private static Duration check(String field, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", field + " must be between 1 second and 90 days.",
                    Map.of("field", field));
        }
        return duration;
    }

    private static OrderSettingsBody body(OrderTimers timers) {
        return new OrderSettingsBody(timers.newOrderExpiry(), timers.approvedExpiry(), timers.autoCaptureAfter(),
                timers.autoCaptureOnAuthorise());
    }
}
