package com.partnersportal.orders.order;

import java.time.Instant;

/** How a captured shipment travels (Tamara requires it on every capture). */
public record ShippingInfo(Instant shippedAt, String shippingCompany, String trackingNumber, String trackingUrl) {
}
