package com.partnersportal.orders.merchant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code portal.orders.timers}: Tamara's defaults, for merchants without settings of their own. */
@ConfigurationProperties("portal.orders.timers")
record OrderTimerProperties(
        @DefaultValue("30m") Duration newOrderExpiry,
        @DefaultValue("72h") Duration approvedExpiry,
        @DefaultValue("21d") Duration autoCaptureAfter,
        @DefaultValue("false") boolean autoCaptureOnAuthorise) {

    OrderTimers timers() {
        return new OrderTimers(newOrderExpiry, approvedExpiry, autoCaptureAfter, autoCaptureOnAuthorise);
    }
}
