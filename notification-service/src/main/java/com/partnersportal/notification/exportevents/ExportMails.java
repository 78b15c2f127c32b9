package com.partnersportal.notification.exportevents;

import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.WebAddress;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import org.springframework.stereotype.Component;

/** The mail an export event asks for: to the user who asked for the export, in their language. */
@Component
class ExportMails {

    private final MailFormats formats;

    ExportMails(MailFormats formats) {
        this.formats = formats;
    }

    MailRequest ready(OrderExportReady export) {
        Language language = Language.ofLocale(export.recipientLocale());
        return MailRequest.to(MailKind.ORDER_EXPORT_READY, export.recipientEmail(), language)
                .with("name", export.recipientName())
                .with("downloadUrl", WebAddress.require(export.downloadUrl(), "the export's download_url"))
                .with("expiresAt", formats.dateTime(export.expiresAt(), language))
                .with("rowCount", formats.count(export.rowCount()))
                .with("createdFrom", formats.date(export.createdFrom(), language))
                .with("createdTo", formats.date(export.createdTo(), language))
                .build();
    }

    MailRequest failed(OrderExportFailed export) {
        Language language = Language.ofLocale(export.recipientLocale());
        return MailRequest.to(MailKind.ORDER_EXPORT_FAILED, export.recipientEmail(), language)
                .with("name", export.recipientName())
                .with("reason", export.reason())
                .build();
    }
}
