package com.partnersportal.settlement.contract;

import com.partnersportal.contracttest.ContractSamplesContract;
import java.util.List;
import java.util.Map;

class SettlementContractSamplesTest extends ContractSamplesContract {

    @Override
    protected List<String> topics() {
        return List.of(SettlementTopics.SETTLEMENT_EVENTS);
    }

    @Override
    protected Map<String, Class<?>> eventTypes() {
        return Map.ofEntries(
                Map.entry(SettlementReportReady.TYPE, SettlementReportReady.class),
                Map.entry(TaxInvoiceIssued.TYPE, TaxInvoiceIssued.class),
                Map.entry(TaxNoteIssued.TYPE, TaxNoteIssued.class));
    }
}
