package com.partnersportal.orders.order;

/** Where the checkout sends the consumer back to, and the merchant's notification address. */
public record MerchantUrls(String success, String failure, String cancel, String notification) {
}
