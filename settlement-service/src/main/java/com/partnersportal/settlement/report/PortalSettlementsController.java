package com.partnersportal.settlement.report;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The portal's settlement pages: reports by entity and period, one report with its lines (paged), its CSV, and the
 * settlement overview. Scoped by the merchant in the user's token and the legal entities the user may see; another
 * merchant's report is a 404 like a missing one.
 */
@RestController
class PortalSettlementsController {

    private final SettlementReports reports;
    private final ReportCsv csv;
    private final SettlementInfo info;

    PortalSettlementsController(SettlementReports reports, ReportCsv csv, SettlementInfo info) {
        this.reports = reports;
        this.csv = csv;
        this.info = info;
    }

    @GetMapping("/portal/v1/settlements/reports")
    ReportListResponse list(Caller caller, @RequestParam(name = "legal_entity_id", required = false) String legalEntityId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String status, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        caller.requireUser(Permission.SETTLEMENTS_VIEW);
        LocalDate fromDay = QueryParameters.date(from, "from");
        LocalDate toDay = QueryParameters.date(to, "to");
        QueryParameters.ordered(fromDay, toDay);
        ReportStatus wanted = status == null ? null : ReportStatus.fromWire(status).orElseThrow(() -> QueryParameters
                .invalid("status", "status must be not_settled, pending, settled or carried_forward."));
        String wantedCurrency = currency == null ? null : Currency.fromCode(currency).map(Enum::name)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "currency_unsupported",
                        "currency must be one of SAR, AED, QAR, KWD, BHD, OMR.", Map.of("field", "currency")));
        var page = reports.list(new ReportFilter(caller.requireMerchant(), caller.legalEntities(),
                QueryParameters.uuid(legalEntityId, "legal_entity_id"), wanted, wantedCurrency, fromDay, toDay),
                Cursor.decode(Cursor.REPORTS, cursor), QueryParameters.limit(limit));
        return new ReportListResponse(page.items().stream().map(ReportView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GetMapping("/portal/v1/settlements/reports/{reportId}")
    ReportDetailResponse detail(Caller caller, @PathVariable String reportId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
        caller.requireUser(Permission.SETTLEMENTS_VIEW);
        SettlementReport report = visible(caller, reportId);
        var page = reports.lines(report, Cursor.decode(Cursor.LINES, cursor), QueryParameters.limit(limit));
        return new ReportDetailResponse(ReportView.of(report), page.items().stream().map(LineView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GetMapping("/portal/v1/settlements/reports/{reportId}/csv")
    ResponseEntity<StreamingResponseBody> download(Caller caller, @PathVariable String reportId) {
        caller.requireUser(Permission.SETTLEMENTS_VIEW);
        return csv.response(visible(caller, reportId));
    }

    @GetMapping("/portal/v1/settlements/info")
    SettlementInfoResponse info(Caller caller,
            @RequestParam(name = "legal_entity_id", required = false) String legalEntityId) {
        caller.requireUser(Permission.SETTLEMENTS_VIEW);
        return info.of(caller.requireMerchant(), caller.legalEntities(), QueryParameters.uuid(legalEntityId, "legal_entity_id"));
    }

    private SettlementReport visible(Caller caller, String reportId) {
        UUID id;
        try {
            id = UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return reports.findVisible(caller.requireMerchant(), caller.legalEntities(), id)
                .orElseThrow(PortalSettlementsController::notFound);
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "report_not_found", "No such settlement report.");
    }
}
