package com.partnersportal.settlement.report;

import com.partnersportal.settlement.ledger.LedgerLines;
import com.partnersportal.settlement.profile.FeeRate;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.types.Currency;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the settlement overview of the entities a caller may see, in each entity's own currency. */
@Component
class SettlementInfo {

    private final SettlementProfiles profiles;
    private final SettlementReports reports;
    private final LedgerLines lines;

    SettlementInfo(SettlementProfiles profiles, SettlementReports reports, LedgerLines lines) {
        this.profiles = profiles;
        this.reports = reports;
        this.lines = lines;
    }

    SettlementInfoResponse of(UUID merchantId, Set<UUID> visible, UUID only) {
        List<SettlementInfoResponse.EntityInfo> entities = profiles.ofMerchant(merchantId).stream()
                .filter(p -> visible.isEmpty() || visible.contains(p.legalEntityId()))
                .filter(p -> only == null || only.equals(p.legalEntityId()))
                .map(this::info)
                .toList();
        return new SettlementInfoResponse(entities);
    }

    private SettlementInfoResponse.EntityInfo info(SettlementProfile p) {
        String c = p.currency();
        int scale = Currency.valueOf(c).scale();
        FeeRate fee = profiles.feeRate(p.legalEntityId(), Currency.valueOf(c));
        var upcoming = reports.upcomingPayout(p.legalEntityId(), c).map(r -> new SettlementInfoResponse.UpcomingPayment(
                r.id(), r.settlementReference(), WireMoney.of(r.netPayable(), c), r.expectedPayoutDate(),
                r.status().wireName())).orElse(null);
        var last = reports.lastSettled(p.legalEntityId(), c).map(r -> new SettlementInfoResponse.LastSettlement(r.id(),
                r.settlementReference(), WireMoney.of(r.netPayable(), c), r.settledAt().atZone(p.timeZone()).toLocalDate(),
                r.settledAt())).orElse(null);
        var bank = p.bankAccount().iban() == null ? null : new SettlementInfoResponse.BankAccount(
                p.bankAccount().maskedIban(), p.bankAccount().bankName(), p.bankAccount().accountHolder());
        return new SettlementInfoResponse.EntityInfo(p.legalEntityId(), p.legalNameEn(), p.legalNameAr(), p.countryCode(),
                c, p.cycle().wireName(), p.timeZone().getId(),
                new SettlementInfoResponse.Fee(fee.plainPercentage(), WireMoney.of(fee.fixedAmount(), c)),
                profiles.vatRate(p.countryCode()),
                new SettlementInfoResponse.CurrentPeriod(p.periodStart().atZone(p.timeZone()).toLocalDate(),
                        p.periodEnd().atZone(p.timeZone()).toLocalDate().minusDays(1), p.periodEnd()),
                WireMoney.of(lines.openBalance(p.legalEntityId(), c, p.periodStart()).setScale(scale, RoundingMode.UNNECESSARY), c),
                upcoming,
                WireMoney.of(reports.notPaidYet(p.legalEntityId(), c).setScale(scale, RoundingMode.UNNECESSARY), c),
                last, bank);
    }
}
