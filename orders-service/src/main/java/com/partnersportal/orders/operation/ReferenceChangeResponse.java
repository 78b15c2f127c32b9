package com.partnersportal.orders.operation;

record ReferenceChangeResponse(String message) {
}
