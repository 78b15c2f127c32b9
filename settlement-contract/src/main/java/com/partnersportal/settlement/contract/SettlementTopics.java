package com.partnersportal.settlement.contract;

/** Kafka topics owned by settlement-service. The version in the name changes only with an incompatible payload. */
public final class SettlementTopics {

    /**
     * Settlement reports that are ready and tax invoices that were issued, for notification-service to mail the
     * merchant's finance users. {@link SettlementReportReady} is keyed by report id, {@link TaxInvoiceIssued} by
     * invoice id.
     */
    public static final String SETTLEMENT_EVENTS = "settlement.settlement-events.v1";

    private SettlementTopics() {
    }
}
