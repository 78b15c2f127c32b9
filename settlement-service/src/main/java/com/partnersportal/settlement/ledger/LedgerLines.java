package com.partnersportal.settlement.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ledger_line} table: lines are inserted once (per kind and operation id) and never updated. */
@Repository
public class LedgerLines {

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerLines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the capture's sale line falls to be invoiced ({@code invoice_at}), if it was booked. */
    public java.util.Optional<Instant> saleInvoiceAt(UUID captureId) {
        return jdbc.sql("SELECT invoice_at FROM ledger_line WHERE kind = 'SALE' AND operation_id = :id")
                .param("id", captureId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** @return false when a line for this operation was booked already */
    public boolean insert(NewLine line) {
        LineAmounts money = line.amounts();
        return jdbc.sql("""
                        INSERT INTO ledger_line (legal_entity_id, merchant_id, currency, kind, order_id, order_reference_id,
                            order_number, operation_id, capture_id, merchant_refund_id, event_time, booked_at, settle_at,
                            invoice_at, amount, gross, fee_rate, percentage_fee, fixed_fee, fee, vat_rate, vat, net)
                        VALUES (:entity, :merchant, :currency, :kind, :orderId, :reference, :number, :operation, :capture,
                            :refundId, :eventTime, :bookedAt, :settleAt, :invoiceAt, :amount, :gross, :feeRate, :percentageFee,
                            :fixedFee, :fee, :vatRate, :vat, :net)
                        ON CONFLICT (kind, operation_id) DO NOTHING""")
                .param("entity", line.legalEntityId())
                .param("merchant", line.merchantId())
                .param("currency", line.currency())
                .param("kind", line.kind().name())
                .param("orderId", line.orderId())
                .param("reference", line.orderReferenceId())
                .param("number", line.orderNumber())
                .param("operation", line.operationId())
                .param("capture", line.captureId())
                .param("refundId", line.merchantRefundId())
                .param("eventTime", Timestamp.from(line.eventTime()))
                .param("bookedAt", Timestamp.from(clock.instant()))
                .param("settleAt", Timestamp.from(line.settleAt()))
                .param("invoiceAt", Timestamp.from(line.invoiceAt()))
                .param("amount", line.amount())
                .param("gross", money.gross())
                .param("feeRate", money.feeRate())
                .param("percentageFee", money.percentageFee())
                .param("fixedFee", money.fixedFee())
                .param("fee", money.fee())
                .param("vatRate", money.vatRate())
                .param("vat", money.vat())
                .param("net", money.net())
                .update() == 1;
    }

    /**
     * A closed period's negative net payable, booked into the next period ({@code settleAt}) so that it is netted
     * there instead of being paid. It names the report it comes from as its operation.
     */
    public void carryForward(UUID legalEntityId, UUID merchantId, String currency, UUID fromReportId,
            BigDecimal negativeNet, Instant settleAt) {
        jdbc.sql("""
                        INSERT INTO ledger_line (legal_entity_id, merchant_id, currency, kind, operation_id, event_time,
                            booked_at, settle_at, invoice_at, amount, gross, fee_rate, percentage_fee, fixed_fee, fee,
                            vat_rate, vat, net)
                        VALUES (:entity, :merchant, :currency, 'CARRIED_FORWARD', :report, :at, :bookedAt, :at, :at,
                            :amount, 0, 0, 0, 0, 0, 0, 0, :net)""")
                .param("entity", legalEntityId)
                .param("merchant", merchantId)
                .param("currency", currency)
                .param("report", fromReportId)
                .param("at", Timestamp.from(settleAt))
                .param("bookedAt", Timestamp.from(clock.instant()))
                .param("amount", negativeNet.negate())
                .param("net", negativeNet)
                .update();
    }

    /** The net of every line not in a closed report yet: the current unsettled balance. */
    public BigDecimal openBalance(UUID legalEntityId, String currency, Instant openPeriodStart) {
        return jdbc.sql("""
                        SELECT coalesce(sum(net), 0) FROM ledger_line WHERE legal_entity_id = :entity AND currency = :currency
                        AND settle_at >= :start""")
                .param("entity", legalEntityId).param("currency", currency)
                .param("start", Timestamp.from(openPeriodStart)).query(BigDecimal.class).single();
    }

    public boolean exists(LineKind kind, UUID operationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_line WHERE kind = :kind AND operation_id = :id)")
                .param("kind", kind.name()).param("id", operationId).query(Boolean.class).single();
    }
}
