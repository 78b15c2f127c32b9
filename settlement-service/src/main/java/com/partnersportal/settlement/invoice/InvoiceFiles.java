package com.partnersportal.settlement.invoice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An invoice's downloadable files: the UBL XML as issued, the bilingual PDF, and a zip of many. */
@Component
public class InvoiceFiles {

    private final TaxInvoices invoices;

    InvoiceFiles(TaxInvoices invoices) {
        this.invoices = invoices;
    }

    public byte[] pdf(TaxInvoice invoice) {
        return InvoicePdf.render(invoice.document(), invoice.qr(), invoice.invoiceHash());
    }

    public byte[] xml(TaxInvoice invoice) {
        return invoices.sharedXml(invoice);
    }

    public ResponseEntity<byte[]> pdfResponse(TaxInvoice invoice) {
        return attachment(MediaType.APPLICATION_PDF, invoice.invoiceNumber() + ".pdf", pdf(invoice));
    }

    public ResponseEntity<byte[]> xmlResponse(TaxInvoice invoice) {
        return attachment(MediaType.APPLICATION_XML, invoice.invoiceNumber() + ".xml", xml(invoice));
    }

    /** Each invoice's PDF and XML in one zip, written as it is made. */
    public ResponseEntity<StreamingResponseBody> zipResponse(List<TaxInvoice> list, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(out -> zip(list, out));
    }

    void zip(List<TaxInvoice> list, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (TaxInvoice invoice : list) {
                zip.putNextEntry(new ZipEntry(invoice.invoiceNumber() + ".pdf"));
                zip.write(pdf(invoice));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(invoice.invoiceNumber() + ".xml"));
                zip.write(xml(invoice));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<byte[]> attachment(MediaType type, String name, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
