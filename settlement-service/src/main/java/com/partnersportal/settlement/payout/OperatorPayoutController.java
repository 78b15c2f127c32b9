package com.partnersportal.settlement.payout;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.report.Cursor;
import com.partnersportal.settlement.report.ReportStatus;
import com.partnersportal.settlement.report.ReportView;
import com.partnersportal.settlement.report.SettlementReport;
import com.partnersportal.settlement.report.SettlementReports;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators move a report's payout: {@code not_settled → pending} when the bank transfer is sent (carrying the
 * report's settlement reference), {@code pending → settled} when the bank confirms it. Nothing else moves; a report's
 * money never changes.
 */
@RestController
class OperatorPayoutController {

    private static final int MAX_PAGE = 200;

    private final SettlementReports reports;
    private final Clock clock;

    OperatorPayoutController(SettlementReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/operator/v1/settlement/reports")
    ReportQueueResponse queue(Caller caller, @RequestParam(defaultValue = "not_settled") String status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        caller.require(Permission.OPERATOR);
        ReportStatus wanted = ReportStatus.fromWire(status).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                "invalid_field", "status must be not_settled, pending, settled or carried_forward.", Map.of("field", "status")));
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of("field", "limit"));
        }
        var page = reports.byStatus(wanted, Cursor.decode(Cursor.REPORTS, cursor), limit);
        return new ReportQueueResponse(page.items().stream().map(ReportView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/settlement/reports/{reportId}/payout-sent")
    ReportView payoutSent(Caller caller, @PathVariable String reportId,
            @RequestBody(required = false) PayoutSentRequest request) {
        caller.require(Permission.OPERATOR);
        SettlementReport report = existing(reportId);
        String reference = request == null || request.payoutReference() == null || request.payoutReference().isBlank()
                ? report.settlementReference() : request.payoutReference();
        if (reference.length() > 64) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", "payout_reference is at most 64 characters.",
                    Map.of("field", "payout_reference"));
        }
        if (!reports.payoutSent(report.id(), reference, clock.instant())) {
            throw wrongStatus(report, ReportStatus.PENDING);
        }
        return ReportView.of(reports.find(report.id()).orElseThrow());
    }

    @PostMapping("/operator/v1/settlement/reports/{reportId}/payout-confirmed")
    ReportView payoutConfirmed(Caller caller, @PathVariable String reportId) {
        caller.require(Permission.OPERATOR);
        SettlementReport report = existing(reportId);
        if (!reports.payoutConfirmed(report.id(), clock.instant())) {
            throw wrongStatus(report, ReportStatus.SETTLED);
        }
        return ReportView.of(reports.find(report.id()).orElseThrow());
    }

    private SettlementReport existing(String reportId) {
        try {
            return reports.find(UUID.fromString(reportId)).orElseThrow(OperatorPayoutController::notFound);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private ApiProblem wrongStatus(SettlementReport report, ReportStatus requested) {
        ReportStatus now = reports.find(report.id()).map(SettlementReport::status).orElse(report.status());
        return new ApiProblem(HttpStatus.CONFLICT, "invalid_report_status",
                "The report is %s; it cannot become %s.".formatted(now.wireName(), requested.wireName()),
                Map.of("old_status", now.wireName(), "requested_status", requested.wireName()));
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "report_not_found", "No such settlement report.");
    }
}
