package com.partnersportal.orders.order;

import com.partnersportal.types.Money;

/** A line of an order, as the merchant sent it at checkout. */
public record OrderItem(String referenceId, String type, String name, String sku, int quantity, Money totalAmount) {
}
