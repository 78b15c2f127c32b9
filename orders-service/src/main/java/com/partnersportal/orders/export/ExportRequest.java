package com.partnersportal.orders.export;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** "Export orders CSV": the orders created between two days (both included) in a time zone, with the list's filters. */
record ExportRequest(
        @NotNull LocalDate createdFrom,
        @NotNull LocalDate createdTo,
        @Size(max = 64) String timeZone,
        @Size(max = 11) List<@NotNull @Size(max = 32) String> statuses,
        BigDecimal amountMin,
        BigDecimal amountMax,
        @Size(max = 3) String currency,
        @Size(max = 2) String countryCode,
        UUID legalEntityId,
        @Size(max = 32) String paymentType,
        Boolean includeHidden) {
}
