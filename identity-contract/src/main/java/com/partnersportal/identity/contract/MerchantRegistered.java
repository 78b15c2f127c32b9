package com.partnersportal.identity.contract;

import java.time.Instant;
import java.util.UUID;

/** An operator registered (or renamed) a merchant. */
public record MerchantRegistered(
        UUID merchantId,
        String nameEn,
        String nameAr,
        Instant occurredAt) {

    public static final String TYPE = "com.partnersportal.identity.merchant-registered.v1";
}
