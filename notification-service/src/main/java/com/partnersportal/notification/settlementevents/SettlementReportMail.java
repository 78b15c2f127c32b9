package com.partnersportal.notification.settlementevents;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.notification.mail.Language;
import com.partnersportal.notification.mail.MailFormats;
import com.partnersportal.notification.mail.MailKind;
import com.partnersportal.notification.mail.MailRequest;
import com.partnersportal.notification.mail.WebAddress;
import com.partnersportal.notification.recipients.Audience;
import com.partnersportal.notification.recipients.AudienceMail;
import com.partnersportal.notification.recipients.Recipient;
import com.partnersportal.settlement.contract.SettlementReportReady;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * A closed settlement period's report, to the merchant's users who view settlements and may see the legal entity:
 * what is paid and when (or that it is carried forward), the totals, and the CSV's download link.
 */
@Component
class SettlementReportMail implements AudienceMail<SettlementReportReady> {

    static final String CARRIED_FORWARD = "carried_forward";

    private final MailFormats formats;

    SettlementReportMail(MailFormats formats) {
        this.formats = formats;
    }

    @Override
    public String eventType() {
        return SettlementReportReady.TYPE;
    }

    @Override
    public Class<SettlementReportReady> payloadType() {
        return SettlementReportReady.class;
    }

    @Override
    public Audience audience(SettlementReportReady report) {
        WebAddress.require(report.csvDownloadUrl(), "the report's csv_download_url");
        return Audience.seeingEntity(report.merchantId(), Permission.SETTLEMENTS_VIEW, report.legalEntityId());
    }

    @Override
    public MailRequest mailTo(Recipient recipient, SettlementReportReady report) {
        Language language = recipient.language();
        return MailRequest.to(MailKind.SETTLEMENT_REPORT_READY, recipient.email(), language)
                .with("name", recipient.fullName())
                .with("settlementReference", report.settlementReference())
                .with("legalEntityName", EntityName.in(language, report.legalEntityNameEn(), report.legalEntityNameAr()))
                .with("netPayable", formats.money(report.netPayable(), language))
                .with("periodStart", formats.date(report.periodStart(), language))
                .with("periodEnd", formats.date(report.periodEnd(), language))
                .with("carriedForward", CARRIED_FORWARD.equals(report.status()))
                .with("expectedPayoutDate", formats.date(report.expectedPayoutDate(), language))
                .with("totalSales", formats.money(report.totalSales(), language))
                .with("totalRefunds", formats.money(report.totalRefunds(), language))
                .with("totalFees", formats.money(report.totalFees(), language))
                .with("totalVat", formats.money(report.totalVat(), language))
                .with("downloadUrl", WebAddress.require(report.csvDownloadUrl(), "the report's csv_download_url"))
                .with("expiresAt", formats.dateTime(report.linkExpiresAt(), language, entityZone(report)))
                .build();
    }

    /** The link's expiry is stated in the entity's own time zone, as its period is. */
    private ZoneId entityZone(SettlementReportReady report) {
        try {
            return report.timeZone() == null ? formats.zone() : ZoneId.of(report.timeZone());
        } catch (DateTimeException e) {
            return formats.zone();
        }
    }
}
