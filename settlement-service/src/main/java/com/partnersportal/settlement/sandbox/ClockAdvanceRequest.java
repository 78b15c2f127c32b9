package com.partnersportal.settlement.sandbox;

import java.time.Duration;

/** {@code POST /operator/v1/settlement/clock/advance}: how far to move the sandbox clock, e.g. {@code "P7D"}. */
record ClockAdvanceRequest(Duration by) {
}
