package com.partnersportal.settlement.report;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.links.SignedLinks;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The mailed link to a report's CSV: served to whoever holds a valid, unexpired signed link (the gateway routes
 * {@code /downloads/settlement/**} here without a session, as a mail client opens it).
 */
@RestController
class ReportDownloads {

    private final SettlementReports reports;
    private final ReportCsv csv;
    private final SignedLinks links;

    ReportDownloads(SettlementReports reports, ReportCsv csv, SignedLinks links) {
        this.reports = reports;
        this.csv = csv;
        this.links = links;
    }

    static String csvPath(UUID reportId) {
        return "/downloads/settlement/reports/" + reportId + ".csv";
    }

    @GetMapping("/downloads/settlement/reports/{reportId}.csv")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String reportId,
            @RequestParam(required = false) Long expires, @RequestParam(required = false) String signature) {
        UUID id = parse(reportId);
        if (!links.verifies(csvPath(id), expires, signature)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid",
                    "This download link is not valid. Download the report from the portal.");
        }
        if (links.expired(expires)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "download_link_expired",
                    "This download link has expired. Download the report from the portal.");
        }
        SettlementReport report = reports.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "download_link_invalid", "This download link is not valid."));
        return csv.response(report);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid", "This download link is not valid.");
        }
    }
}
