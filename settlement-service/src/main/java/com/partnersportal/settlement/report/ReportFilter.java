package com.partnersportal.settlement.report;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which reports a list shows: always one merchant's, only the entities the caller may see (empty = all), and
 * optionally one entity, a status, a currency, and periods overlapping [{@code from}, {@code to}] (local days).
 */
public record ReportFilter(UUID merchantId, Set<UUID> visibleEntities, UUID legalEntityId, ReportStatus status,
        String currency, LocalDate from, LocalDate to) {
}
