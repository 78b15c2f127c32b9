package com.partnersportal.notification.exportevents;

import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.orders.contract.OrderExportFailed;
import com.partnersportal.orders.contract.OrderExportReady;
import java.net.URI;
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
                .with("downloadUrl", webAddress(export.downloadUrl()))
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

    /** A link in a mail must lead to a web page, never to a {@code javascript:} or {@code data:} address. */
    private static String webAddress(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("the export's download_url is not an address", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the export's download_url is not an http(s) address");
        }
        return url;
    }
}
