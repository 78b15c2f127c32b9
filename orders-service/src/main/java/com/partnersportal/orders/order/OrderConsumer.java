package com.partnersportal.orders.order;

/** The shopper who pays the order in instalments. */
public record OrderConsumer(String firstName, String lastName, String phoneNumber, String email) {
}
