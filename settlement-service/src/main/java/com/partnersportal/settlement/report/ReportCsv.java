package com.partnersportal.settlement.report;

import static com.partnersportal.kit.csv.CsvCells.safe;

import com.partnersportal.settlement.ledger.LedgerLine;
import com.partnersportal.settlement.ledger.LineKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A report's lines as CSV for reconciliation: every line traceable to its order (Tamara's order id, the merchant's
 * reference and number, the capture, refund or cancel id) and to the bank deposit (the settlement reference the
 * payout carries), with the fee split and the VAT on it. UTF-8 with a byte order mark, amounts at the currency's
 * scale, times in the entity's time zone, formula-like cells neutralised. Streamed, never held in memory.
 */
@Component
public class ReportCsv {

    static final String[] HEADER = {"settlement_reference", "statement_date", "period_start", "period_end",
            "legal_entity_id", "line_id", "line_type", "event_time", "order_id", "order_reference_id", "order_number",
            "capture_id", "refund_id", "cancel_id", "merchant_refund_id", "carried_from_report_id", "currency", "amount",
            "gross", "fee_rate_percent", "percentage_fee", "fixed_fee", "fee", "vat_rate_percent", "vat", "net"};

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final SettlementReports reports;
    private final TransactionTemplate transaction;

    ReportCsv(SettlementReports reports, TransactionTemplate transaction) {
        this.reports = reports;
        this.transaction = transaction;
    }

    public static String fileName(SettlementReport report) {
        return "settlement-%s.csv".formatted(report.settlementReference());
    }

    /** The report's CSV as an attachment, streamed as it is written. */
    public ResponseEntity<StreamingResponseBody> response(SettlementReport report) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName(report)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(out -> write(report, out));
    }

    public void write(SettlementReport report, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        DateTimeFormatter times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(report.timeZone());
        try {
            writer.write(BYTE_ORDER_MARK);
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
            transaction.executeWithoutResult(status -> reports.eachLine(report, line -> print(printer, report, line, times)));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, SettlementReport report, LedgerLine line, DateTimeFormatter times) {
        boolean carried = line.kind() == LineKind.CARRIED_FORWARD;
        try {
            printer.printRecord(report.settlementReference(), report.statementDate(), report.firstDay(), report.lastDay(),
                    report.legalEntityId(), line.id(), line.kind().wireName(), times.format(line.eventTime()),
                    line.orderId(), safe(line.orderReferenceId()), safe(line.orderNumber()),
                    line.kind() == LineKind.SALE || line.kind() == LineKind.REFUND ? line.captureId() : null,
                    line.kind() == LineKind.REFUND ? line.operationId() : null,
                    line.kind() == LineKind.CANCEL ? line.operationId() : null, safe(line.merchantRefundId()),
                    carried ? line.operationId() : null, line.currency(), line.amount().toPlainString(),
                    line.gross().toPlainString(), line.feeRate().toPlainString(), line.percentageFee().toPlainString(),
                    line.fixedFee().toPlainString(), line.fee().toPlainString(), line.vatRate().toPlainString(),
                    line.vat().toPlainString(), line.net().toPlainString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
