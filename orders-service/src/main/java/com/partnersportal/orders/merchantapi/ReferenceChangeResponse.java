package com.partnersportal.orders.merchantapi;

record ReferenceChangeResponse(String message) {
}
