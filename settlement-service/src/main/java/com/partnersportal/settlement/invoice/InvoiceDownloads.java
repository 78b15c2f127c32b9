package com.partnersportal.settlement.invoice;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.kit.links.SignedLinks;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mailed links to an invoice's PDF and XML, served to whoever holds a valid, unexpired signed link. */
@RestController
class InvoiceDownloads {

    private final TaxInvoices invoices;
    private final InvoiceFiles files;
    private final SignedLinks links;

    InvoiceDownloads(TaxInvoices invoices, InvoiceFiles files, SignedLinks links) {
        this.invoices = invoices;
        this.files = files;
        this.links = links;
    }

    static String pdfPath(UUID invoiceId) {
        return "/downloads/settlement/invoices/" + invoiceId + ".pdf";
    }

    static String xmlPath(UUID invoiceId) {
        return "/downloads/settlement/invoices/" + invoiceId + ".xml";
    }

    @GetMapping("/downloads/settlement/invoices/{invoiceId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String invoiceId, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        UUID id = parse(invoiceId);
        return files.pdfResponse(verified(pdfPath(id), id, expires, signature));
    }

    @GetMapping("/downloads/settlement/invoices/{invoiceId}.xml")
    ResponseEntity<byte[]> xml(@PathVariable String invoiceId, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        UUID id = parse(invoiceId);
        return files.xmlResponse(verified(xmlPath(id), id, expires, signature));
    }

    private TaxInvoice verified(String path, UUID id, Long expires, String signature) {
        if (!links.verifies(path, expires, signature)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid",
                    "This download link is not valid. Download the invoice from the portal.");
        }
        if (links.expired(expires)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "download_link_expired",
                    "This download link has expired. Download the invoice from the portal.");
        }
        return PortalInvoicesController.cleared(invoices.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "download_link_invalid", "This download link is not valid.")));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "download_link_invalid", "This download link is not valid.");
        }
    }
}
