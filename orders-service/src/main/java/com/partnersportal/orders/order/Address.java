package com.partnersportal.orders.order;

/** A shipping or billing address, as the merchant sent it. */
public record Address(String firstName, String lastName, String line1, String line2, String region, String city,
        String countryCode, String phoneNumber) {
}
