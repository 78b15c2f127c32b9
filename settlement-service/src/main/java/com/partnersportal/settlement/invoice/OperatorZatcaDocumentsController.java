package com.partnersportal.settlement.invoice;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' view of every merchant's tax documents at ZATCA: status, the submission's state, and every answer with
 * ZATCA's warnings and errors (a rejection's reasons among them); and a way to bring a waiting submission forward.
 */
@RestController
class OperatorZatcaDocumentsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final TaxInvoices invoices;
    private final Submissions submissions;
    private final Reissues reissues;

    OperatorZatcaDocumentsController(JdbcClient jdbc, TaxInvoices invoices, Submissions submissions, Reissues reissues) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.submissions = submissions;
        this.reissues = reissues;
    }

    record Response(long attempt, String endpoint, Integer httpStatus, String outcome, JsonNode warnings, JsonNode errors,
            String detail, Instant receivedAt) {
    }

    record DocumentView(UUID documentId, String documentType, String documentNumber, long icv, UUID merchantId,
            UUID legalEntityId, String billingReference, String reason, String clearanceStatus, Instant issuedAt,
            Instant clearedAt, WireMoney totalWithVat, String submissionState, int attempts, Instant nextAttemptAt,
            String lastError, List<Response> responses) {
    }

    record DocumentList(List<DocumentView> documents, String nextCursor) {
    }

    @GetMapping("/operator/v1/settlement/zatca/documents")
    DocumentList list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        caller.require(Permission.OPERATOR);
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        StringBuilder sql = new StringBuilder("SELECT id, icv FROM tax_invoice WHERE clearance_status <> 'PHASE_1'");
        Map<String, Object> params = new HashMap<>();
        if (status != null && !status.isBlank()) {
            try {
                params.put("status", ClearanceStatus.valueOf(status.toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw invalid("status", "status must be pending, cleared, cleared_with_warnings, reported or rejected.");
            }
            sql.append(" AND clearance_status = :status");
        }
        PageCursor after = PageCursor.decode("zatca-documents", cursor);
        if (after != null) {
            params.put("before", after.number(0));
            sql.append(" AND icv < :before");
        }
        sql.append(" ORDER BY icv DESC LIMIT :limit");
        params.put("limit", limit + 1);
        List<UUID> ids = new java.util.ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> rs.getObject("id", UUID.class)).list());
        String next = null;
        if (ids.size() > limit) {
            ids.removeLast();
            next = PageCursor.encode("zatca-documents", invoices.find(ids.getLast()).orElseThrow().icv());
        }
        return new DocumentList(ids.stream().map(id -> view(invoices.find(id).orElseThrow(), false)).toList(), next);
    }

    @GetMapping("/operator/v1/settlement/zatca/documents/{documentId}")
    DocumentView one(Caller caller, @PathVariable String documentId) {
        caller.require(Permission.OPERATOR);
        return view(existing(documentId), true);
    }

    @PostMapping("/operator/v1/settlement/zatca/documents/{documentId}/retry")
    DocumentView retry(Caller caller, @PathVariable String documentId) {
        caller.require(Permission.OPERATOR);
        TaxInvoice document = existing(documentId);
        if (!submissions.retryNow(document.id())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "submission_not_waiting",
                    "Only a submission waiting for its next attempt can be brought forward.");
        }
        return view(document, true);
    }

    /** A rejected document, issued again (after its cause was fixed) as a new document in the chain. */
    @PostMapping("/operator/v1/settlement/zatca/documents/{documentId}/reissue")
    org.springframework.http.ResponseEntity<DocumentView> reissue(Caller caller, @PathVariable String documentId) {
        caller.require(Permission.OPERATOR);
        TaxInvoice replacement = reissues.reissue(existing(documentId));
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(view(replacement, true));
    }

    private TaxInvoice existing(String documentId) {
        try {
            return invoices.find(UUID.fromString(documentId)).orElseThrow(OperatorZatcaDocumentsController::notFound);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private DocumentView view(TaxInvoice d, boolean allResponses) {
        record State(String state, int attempts, Instant next, String error) {
        }
        State state = jdbc.sql("SELECT state, attempts, next_attempt_at, last_error FROM zatca_submission WHERE document_id = :id")
                .param("id", d.id())
                .query((rs, n) -> new State(rs.getString("state").toLowerCase(Locale.ROOT), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error")))
                .optional().orElse(new State(null, 0, null, null));
        List<Response> responses = jdbc.sql("""
                        SELECT * FROM zatca_response WHERE document_id = :id ORDER BY id DESC"""
                        + (allResponses ? "" : " LIMIT 1"))
                .param("id", d.id())
                .query((rs, n) -> new Response(rs.getInt("attempt"), rs.getString("endpoint").toLowerCase(Locale.ROOT),
                        (Integer) rs.getObject("http_status"), rs.getString("outcome").toLowerCase(Locale.ROOT),
                        JSON.readTree(rs.getString("warnings")), JSON.readTree(rs.getString("errors")),
                        rs.getString("detail"), rs.getTimestamp("received_at").toInstant()))
                .list();
        return new DocumentView(d.id(), d.documentType().wireName(), d.invoiceNumber(), d.icv(), d.merchantId(),
                d.legalEntityId(), d.billingReference(), d.reason(), d.clearanceStatus().wireName(), d.issuedAt(),
                d.clearedAt(), WireMoney.of(d.totalWithVat(), d.currency()), state.state(), state.attempts(),
                state.next(), state.error(), responses);
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "document_not_found", "No such tax document.");
    }
}
