package com.partnersportal.settlement.payout;

/** {@code POST .../payout-sent}: the bank transfer's own reference, if the operator has one. */
record PayoutSentRequest(String payoutReference) {
}
