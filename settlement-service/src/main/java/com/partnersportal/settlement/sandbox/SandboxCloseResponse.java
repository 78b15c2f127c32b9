package com.partnersportal.settlement.sandbox;

import com.partnersportal.settlement.report.ReportView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a sandbox clock move or forced close did: the service's time now, and the reports and invoices it made. */
record SandboxCloseResponse(Instant now, Duration clockOffset, List<ReportView> reports, List<UUID> invoiceIds) {
}
