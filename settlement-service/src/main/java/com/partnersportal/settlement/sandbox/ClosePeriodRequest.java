package com.partnersportal.settlement.sandbox;

import java.time.LocalDate;

/**
 * {@code POST /operator/v1/settlement/legal-entities/{id}/close-period}: close every open period that starts on or
 * before {@code through} (a local day); without it, the one open period.
 */
record ClosePeriodRequest(LocalDate through) {
}
