package com.partnersportal.orders.merchant;

import java.time.Duration;

/**
 * A merchant's order timers: how long a new order waits for the consumer, an approved one for the merchant's
 * authorisation, an authorised one before it is captured in full; and whether authorising captures at once.
 */
public record OrderTimers(Duration newOrderExpiry, Duration approvedExpiry, Duration autoCaptureAfter,
        boolean autoCaptureOnAuthorise) {
}
