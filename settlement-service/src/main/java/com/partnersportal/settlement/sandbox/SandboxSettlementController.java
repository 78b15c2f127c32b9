package com.partnersportal.settlement.sandbox;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.time.SandboxClock;
import com.partnersportal.settlement.closing.Closer;
import com.partnersportal.settlement.invoice.MonthlyInvoicing;
import com.partnersportal.settlement.invoice.TaxInvoice;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.settlement.report.PeriodClosing;
import com.partnersportal.settlement.report.ReportView;
import com.partnersportal.settlement.report.SettlementReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox only (production answers 404): lets an operator, a script or a test see a week settle without waiting —
 * move the service's clock forward (and close what that ended, at once), or close an entity's open period or
 * invoicing month now.
 */
@RestController
class SandboxSettlementController {

    private static final Duration MAX_ADVANCE = Duration.ofDays(400);

    private final Clock clock;
    private final DeploymentProperties deployment;
    private final Closer closer;
    private final PeriodClosing periods;
    private final MonthlyInvoicing invoicing;
    private final SettlementProfiles profiles;

    SandboxSettlementController(Clock clock, DeploymentProperties deployment, Closer closer, PeriodClosing periods,
            MonthlyInvoicing invoicing, SettlementProfiles profiles) {
        this.clock = clock;
        this.deployment = deployment;
        this.closer = closer;
        this.periods = periods;
        this.invoicing = invoicing;
        this.profiles = profiles;
    }

    @PostMapping("/operator/v1/settlement/clock/advance")
    @Authorize(permissions = Permission.OPERATOR)
    SandboxCloseResponse advance(Caller caller, @RequestBody ClockAdvanceRequest request) {
        SandboxClock sandbox = sandbox(caller);
        if (request.by() == null || request.by().isNegative() || request.by().compareTo(MAX_ADVANCE) > 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field",
                    "by must be an ISO-8601 duration between PT0S and P400D; the clock only moves forward.",
                    Map.of("field", "by"));
        }
        sandbox.advance(request.by());
        Closer.Closed closed = closer.closeAllDue();
        return response(closed.reports(), closed.invoices());
    }

    @PostMapping("/operator/v1/settlement/legal-entities/{legalEntityId}/close-period")
    @Authorize(permissions = Permission.OPERATOR)
    SandboxCloseResponse closePeriod(Caller caller, @PathVariable String legalEntityId,
            @RequestBody(required = false) ClosePeriodRequest request) {
        sandbox(caller);
        SettlementProfile profile = existing(legalEntityId);
        List<SettlementReport> made = new ArrayList<>();
        if (request == null || request.through() == null) {
            periods.closeNow(profile.legalEntityId()).ifPresent(made::addAll);
        } else {
            for (int i = 0; i < 400; i++) {
                SettlementProfile open = profiles.find(profile.legalEntityId()).orElseThrow();
                if (open.periodStart().atZone(open.timeZone()).toLocalDate().isAfter(request.through())) {
                    break;
                }
                periods.closeNow(profile.legalEntityId()).ifPresent(made::addAll);
            }
        }
        return response(made, List.of());
    }

    @PostMapping("/operator/v1/settlement/legal-entities/{legalEntityId}/close-month")
    SandboxCloseResponse closeMonth(Caller caller, @PathVariable String legalEntityId) {
        sandbox(caller);
        SettlementProfile profile = existing(legalEntityId);
        if (!profile.sellsInKsa()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not_invoiced_outside_ksa",
                    "Only legal entities that sell in KSA get monthly tax invoices.");
        }
        List<TaxInvoice> issued = invoicing.closeNow(profile.legalEntityId()).orElse(List.of());
        return response(List.of(), issued);
    }

    private SandboxCloseResponse response(List<SettlementReport> reports, List<TaxInvoice> invoices) {
        Duration offset = clock instanceof SandboxClock sandbox ? sandbox.offset() : Duration.ZERO;
        return new SandboxCloseResponse(clock.instant(), offset, reports.stream().map(ReportView::of).toList(),
                invoices.stream().map(TaxInvoice::id).toList());
    }

    private SettlementProfile existing(String legalEntityId) {
        try {
            return profiles.find(UUID.fromString(legalEntityId)).orElseThrow(SandboxSettlementController::notFound);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    /** Production has neither a movable clock nor these endpoints. */
    private SandboxClock sandbox(Caller caller) {
        if (!deployment.environment().isSandbox() || !(clock instanceof SandboxClock sandbox)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No such endpoint.");
        }
        caller.require(Permission.OPERATOR);
        return sandbox;
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "legal_entity_not_found", "No settlement profile for that legal entity.");
    }
}
