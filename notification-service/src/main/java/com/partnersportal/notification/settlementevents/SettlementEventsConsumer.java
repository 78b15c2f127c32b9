package com.partnersportal.notification.settlementevents;

import com.partnersportal.kit.inbox.EventInbox;
import com.partnersportal.kit.inbox.EventRoutes;
import com.partnersportal.notification.recipients.AudienceMails;
import com.partnersportal.settlement.contract.SettlementReportReady;
import com.partnersportal.settlement.contract.TaxInvoiceIssued;
import com.partnersportal.settlement.contract.TaxNoteIssued;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code settlementEvents} binding ({@code settlement.settlement-events.v1}): a ready settlement report, an issued
 * tax invoice and a credit or debit note are mailed to the merchant's users who may see them.
 */
@Configuration(proxyBeanMethods = false)
class SettlementEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> settlementEvents(EventInbox inbox, AudienceMails audiences, SettlementReportMail reports,
            TaxInvoiceMail invoices, TaxNoteMail notes) {
        return inbox.consumer(EventRoutes.builder()
                .onEvent(SettlementReportReady.TYPE, SettlementReportReady.class,
                        (report, event) -> audiences.record(reports, report, event))
                .onEvent(TaxInvoiceIssued.TYPE, TaxInvoiceIssued.class,
                        (invoice, event) -> audiences.record(invoices, invoice, event))
                .onEvent(TaxNoteIssued.TYPE, TaxNoteIssued.class,
                        (note, event) -> audiences.record(notes, note, event))
                .build());
    }
}
