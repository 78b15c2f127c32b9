package com.partnersportal.settlement.invoice;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.paging.PageCursor;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * The portal's tax invoices: list, one invoice, its PDF or XML, and a zip of a date range. Scoped by the merchant in
 * the user's token and the entities the user may see; another merchant's invoice is a 404 like a missing one.
 */
@RestController
class PortalInvoicesController {

    private static final int MAX_PAGE = 200;
    private static final int MAX_EXPORT_DAYS = 366;
    private static final int MAX_EXPORT_INVOICES = 1000;

    private final TaxInvoices invoices;
    private final InvoiceFiles files;

    PortalInvoicesController(TaxInvoices invoices, InvoiceFiles files) {
        this.invoices = invoices;
        this.files = files;
    }

    @GetMapping("/portal/v1/invoices")
    InvoiceListResponse list(Caller caller, @RequestParam(name = "legal_entity_id", required = false) String legalEntityId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        caller.requireUser(Permission.INVOICES_VIEW);
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        PageCursor after = PageCursor.decode("invoices", cursor);
        Long before = after == null ? null : after.number(0);
        List<TaxInvoice> page = invoices.list(caller.requireMerchant(), caller.legalEntities(), entity(legalEntityId),
                date(from, "from"), date(to, "to"), before, limit + 1, false);
        String next = null;
        if (page.size() > limit) {
            page.removeLast();
            next = PageCursor.encode("invoices", page.getLast().icv());
        }
        return new InvoiceListResponse(page.stream().map(InvoiceView::of).toList(), next);
    }

    @GetMapping("/portal/v1/invoices/{invoiceId}")
    InvoiceView get(Caller caller, @PathVariable String invoiceId) {
        caller.requireUser(Permission.INVOICES_VIEW);
        return InvoiceView.of(visible(caller, invoiceId));
    }

    @GetMapping("/portal/v1/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String invoiceId) {
        caller.requireUser(Permission.INVOICES_VIEW);
        return files.pdfResponse(cleared(visible(caller, invoiceId)));
    }

    @GetMapping("/portal/v1/invoices/{invoiceId}/xml")
    ResponseEntity<byte[]> xml(Caller caller, @PathVariable String invoiceId) {
        caller.requireUser(Permission.INVOICES_VIEW);
        return files.xmlResponse(cleared(visible(caller, invoiceId)));
    }

    /** Files exist for the merchant only once ZATCA has cleared the document. */
    static TaxInvoice cleared(TaxInvoice document) {
        if (!document.clearanceStatus().shareable()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invoice_not_cleared",
                    "ZATCA has not cleared this document yet; it can be downloaded once it is.",
                    Map.of("clearance_status", document.clearanceStatus().wireName()));
        }
        return document;
    }

    /** Every invoice issued on [from, to] (KSA dates) as PDF and XML in one zip. */
    @GetMapping("/portal/v1/invoices/export")
    ResponseEntity<StreamingResponseBody> export(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "legal_entity_id", required = false) String legalEntityId) {
        caller.requireUser(Permission.INVOICES_EXPORT);
        LocalDate fromDay = date(from, "from");
        LocalDate toDay = date(to, "to");
        if (fromDay == null || toDay == null) {
            throw invalid(fromDay == null ? "from" : "to", "from and to are required (YYYY-MM-DD).");
        }
        if (fromDay.isAfter(toDay) || ChronoUnit.DAYS.between(fromDay, toDay) >= MAX_EXPORT_DAYS) {
            throw invalid("to", "to must be on or after from, at most " + MAX_EXPORT_DAYS + " days later.");
        }
        List<TaxInvoice> range = invoices.list(caller.requireMerchant(), caller.legalEntities(), entity(legalEntityId),
                fromDay, toDay, null, MAX_EXPORT_INVOICES, true);
        return files.zipResponse(range.reversed(), "tax-invoices-%s-to-%s.zip".formatted(fromDay, toDay));
    }

    private TaxInvoice visible(Caller caller, String invoiceId) {
        UUID id;
        try {
            id = UUID.fromString(invoiceId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return invoices.findVisible(caller.requireMerchant(), caller.legalEntities(), id)
                .orElseThrow(PortalInvoicesController::notFound);
    }

    private static UUID entity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid("legal_entity_id", "legal_entity_id must be a UUID.");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date (YYYY-MM-DD).");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "invoice_not_found", "No such tax invoice.");
    }
}
