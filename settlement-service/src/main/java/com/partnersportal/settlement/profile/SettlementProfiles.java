package com.partnersportal.settlement.profile;

import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.settlement.period.Cycle;
import com.partnersportal.settlement.period.Periods;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal entities' settlement profiles. Identity's events bring who the entity is; order events may arrive first, in
 * which case a provisional profile (default terms for its country) is made so that no money waits. Closing a period
 * or a month takes the profile's row lock; booking a line takes a share lock, so a line is never placed in a period
 * that is closing or closed.
 */
@Service
public class SettlementProfiles {

    private static final Logger log = LoggerFactory.getLogger(SettlementProfiles.class);

    private final JdbcClient jdbc;
    private final SettlementProperties properties;
    private final Clock clock;

    SettlementProfiles(JdbcClient jdbc, SettlementProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<SettlementProfile> find(UUID legalEntityId) {
        return jdbc.sql("SELECT * FROM settlement_profile WHERE legal_entity_id = :id").param("id", legalEntityId)
                .query(ProfileRows.INSTANCE).optional();
    }

    public List<SettlementProfile> ofMerchant(UUID merchantId) {
        return jdbc.sql("SELECT * FROM settlement_profile WHERE merchant_id = :merchant ORDER BY legal_name_en, legal_entity_id")
                .param("merchant", merchantId).query(ProfileRows.INSTANCE).list();
    }

    public FeeRate feeRate(UUID legalEntityId, Currency currency) {
        return jdbc.sql("SELECT percentage, fixed_amount FROM fee_rate WHERE legal_entity_id = :id AND currency = :currency")
                .param("id", legalEntityId).param("currency", currency.name())
                .query((rs, n) -> new FeeRate(currency, rs.getBigDecimal("percentage"), rs.getBigDecimal("fixed_amount")))
                .optional().orElseGet(() -> properties.defaultFee(currency));
    }

    public List<FeeRate> feeRates(UUID legalEntityId) {
        return jdbc.sql("SELECT currency, percentage, fixed_amount FROM fee_rate WHERE legal_entity_id = :id ORDER BY currency")
                .param("id", legalEntityId)
                .query((rs, n) -> new FeeRate(Currency.valueOf(rs.getString("currency")), rs.getBigDecimal("percentage"),
                        rs.getBigDecimal("fixed_amount")))
                .list();
    }

    public BigDecimal vatRate(String countryCode) {
        return properties.vatRate(countryCode);
    }

    /**
     * The terms for a line of this entity, under a share lock held until the caller's transaction ends. An entity
     * identity has not told us about yet gets a provisional profile from the order's facts.
     */
    public BookingTerms lockForBooking(UUID legalEntityId, UUID merchantId, String countryCode, Currency currency) {
        Optional<SettlementProfile> profile = lockShared(legalEntityId);
        if (profile.isEmpty()) {
            log.info("Legal entity {} is not registered here yet; settling it on default terms for {} until it is",
                    legalEntityId, countryCode);
            insertProvisional(legalEntityId, merchantId, countryCode, currency);
            profile = lockShared(legalEntityId);
        }
        SettlementProfile locked = profile.orElseThrow();
        return new BookingTerms(locked.periodStart(), locked.invoiceFrom(), feeRate(legalEntityId, currency),
                properties.vatRate(locked.countryCode()));
    }

    /** Keeps identity's facts; a redelivered or older registration changes nothing newer. */
    public void remember(LegalEntityRegistered entity) {
        Optional<SettlementProfile> existing = lockExclusive(entity.legalEntityId());
        ZoneId zone = zoneOf(entity);
        if (existing.isEmpty()) {
            Currency currency = Currency.fromCode(entity.currency())
                    .or(() -> Currency.ofCountry(entity.countryCode()))
                    .orElseThrow(() -> new IllegalArgumentException("legal entity %s has an unknown currency %s"
                            .formatted(entity.legalEntityId(), entity.currency())));
            insert(entity.legalEntityId(), entity.merchantId(), entity.countryCode(), currency, zone);
        }
        int updated = jdbc.sql("""
                        UPDATE settlement_profile SET registered = true, legal_name_en = :nameEn, legal_name_ar = :nameAr,
                            country_code = :country, commercial_registration = :cr, vat_number = :vat, address = :address,
                            identity_updated_at = :at, updated_at = :now
                        WHERE legal_entity_id = :id AND (identity_updated_at IS NULL OR identity_updated_at <= :at)""")
                .param("id", entity.legalEntityId())
                .param("nameEn", entity.legalNameEn())
                .param("nameAr", entity.legalNameAr())
                .param("country", entity.countryCode())
                .param("cr", entity.commercialRegistration())
                .param("vat", entity.vatNumber())
                .param("address", entity.address())
                .param("at", Timestamp.from(entity.occurredAt()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (updated == 1 && existing.isPresent() && !existing.get().timeZone().equals(zone)) {
            reschedule(existing.get(), existing.get().cycle(), zone);
        }
    }

    /** An operator's change of terms, all or nothing; absent parts (null, empty) stay as they are. */
    @Transactional
    public void change(UUID legalEntityId, List<FeeRate> fees, Cycle cycle, ZoneId zone, BankAccount bank) {
        SettlementProfile profile = lockExclusive(legalEntityId).orElseThrow();
        for (FeeRate fee : fees) {
            jdbc.sql("""
                            INSERT INTO fee_rate (legal_entity_id, currency, percentage, fixed_amount)
                            VALUES (:id, :currency, :percentage, :fixed)
                            ON CONFLICT (legal_entity_id, currency) DO UPDATE
                            SET percentage = excluded.percentage, fixed_amount = excluded.fixed_amount""")
                    .param("id", legalEntityId).param("currency", fee.currency().name())
                    .param("percentage", fee.percentage()).param("fixed", fee.fixedAmount())
                    .update();
        }
        if (bank != null) {
            jdbc.sql("""
                            UPDATE settlement_profile SET iban = :iban, bank_name = :bank, account_holder = :holder,
                                updated_at = :now WHERE legal_entity_id = :id""")
                    .param("id", legalEntityId).param("iban", bank.iban()).param("bank", bank.bankName())
                    .param("holder", bank.accountHolder()).param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        Cycle newCycle = cycle == null ? profile.cycle() : cycle;
        ZoneId newZone = zone == null ? profile.timeZone() : zone;
        if (newCycle != profile.cycle() || !newZone.equals(profile.timeZone())) {
            reschedule(profile, newCycle, newZone);
        }
    }

    /** Applies an operator's change of cycle or time zone to the open period and month (they end on the new terms). */
    void reschedule(SettlementProfile profile, Cycle cycle, ZoneId zone) {
        Instant periodEnd = Periods.endAfter(profile.periodStart(), cycle, zone, properties.weekStartsOn());
        Instant monthEnd = Periods.monthEndAfter(profile.invoiceMonthEnd().minusNanos(1), zone);
        jdbc.sql("""
                        UPDATE settlement_profile SET cycle = :cycle, time_zone = :zone, period_end = :periodEnd,
                            invoice_month_end = :monthEnd, updated_at = :now
                        WHERE legal_entity_id = :id""")
                .param("id", profile.legalEntityId())
                .param("cycle", cycle.name())
                .param("zone", zone.getId())
                .param("periodEnd", Timestamp.from(periodEnd))
                .param("monthEnd", Timestamp.from(monthEnd))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Entities whose open period has ended by {@code now}, most overdue first. */
    public List<UUID> dueForClosing(Instant now, int limit) {
        return jdbc.sql("SELECT legal_entity_id FROM settlement_profile WHERE period_end <= :now ORDER BY period_end LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** KSA entities whose open invoicing month has ended by {@code now}. */
    public List<UUID> dueForInvoicing(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT legal_entity_id FROM settlement_profile
                        WHERE country_code = 'SA' AND invoice_month_end <= :now ORDER BY invoice_month_end LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * The profile under its row lock, if its open period has ended by {@code now} (or at once when {@code now} is
     * null), skipping it when another replica is closing it.
     */
    public Optional<SettlementProfile> lockForClosing(UUID legalEntityId, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM settlement_profile WHERE legal_entity_id = :id
                        AND (CAST(:now AS TIMESTAMPTZ) IS NULL OR period_end <= :now) FOR UPDATE SKIP LOCKED""")
                .param("id", legalEntityId).param("now", now == null ? null : Timestamp.from(now))
                .query(ProfileRows.INSTANCE).optional();
    }

    /** As {@link #lockForClosing}, for the open invoicing month. */
    public Optional<SettlementProfile> lockForInvoicing(UUID legalEntityId, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM settlement_profile WHERE legal_entity_id = :id
                        AND (CAST(:now AS TIMESTAMPTZ) IS NULL OR invoice_month_end <= :now) FOR UPDATE SKIP LOCKED""")
                .param("id", legalEntityId).param("now", now == null ? null : Timestamp.from(now))
                .query(ProfileRows.INSTANCE).optional();
    }

    /** The period that ended at {@code closedEnd} is closed: the next one opens there. Caller holds the row lock. */
    public void periodClosed(SettlementProfile profile) {
        Instant start = profile.periodEnd();
        jdbc.sql("UPDATE settlement_profile SET period_start = :start, period_end = :end, updated_at = :now WHERE legal_entity_id = :id")
                .param("id", profile.legalEntityId())
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(Periods.endAfter(start, profile.cycle(), profile.timeZone(), properties.weekStartsOn())))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The invoicing month is closed. When it was invoiced, fees from its end on are not yet invoiced; when it was
     * not (nothing positive to invoice) they stay uninvoiced and join the next month's. Caller holds the row lock.
     */
    public void monthClosed(SettlementProfile profile, boolean invoiced) {
        Instant monthEnd = profile.invoiceMonthEnd();
        jdbc.sql("""
                        UPDATE settlement_profile SET invoice_from = :from, invoice_month_end = :end, updated_at = :now
                        WHERE legal_entity_id = :id""")
                .param("id", profile.legalEntityId())
                .param("from", Timestamp.from(invoiced ? monthEnd : profile.invoiceFrom()))
                .param("end", Timestamp.from(Periods.monthEndAfter(monthEnd, profile.timeZone())))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    Optional<SettlementProfile> lockExclusive(UUID legalEntityId) {
        return jdbc.sql("SELECT * FROM settlement_profile WHERE legal_entity_id = :id FOR UPDATE")
                .param("id", legalEntityId).query(ProfileRows.INSTANCE).optional();
    }

    private Optional<SettlementProfile> lockShared(UUID legalEntityId) {
        return jdbc.sql("SELECT * FROM settlement_profile WHERE legal_entity_id = :id FOR SHARE")
                .param("id", legalEntityId).query(ProfileRows.INSTANCE).optional();
    }

    private void insertProvisional(UUID legalEntityId, UUID merchantId, String countryCode, Currency currency) {
        insert(legalEntityId, merchantId, countryCode, currency, properties.timeZone(countryCode));
    }

    private void insert(UUID legalEntityId, UUID merchantId, String countryCode, Currency currency, ZoneId zone) {
        Instant now = clock.instant();
        Instant periodStart = Periods.startContaining(now, Cycle.WEEKLY, zone, properties.weekStartsOn());
        Instant monthStart = Periods.monthStartContaining(now, zone);
        jdbc.sql("""
                        INSERT INTO settlement_profile (legal_entity_id, merchant_id, registered, country_code, currency,
                            time_zone, cycle, period_start, period_end, invoice_from, invoice_month_end, created_at, updated_at)
                        VALUES (:id, :merchant, false, :country, :currency, :zone, 'WEEKLY', :periodStart, :periodEnd,
                            :monthStart, :monthEnd, :now, :now)
                        ON CONFLICT (legal_entity_id) DO NOTHING""")
                .param("id", legalEntityId)
                .param("merchant", merchantId)
                .param("country", countryCode)
                .param("currency", currency.name())
                .param("zone", zone.getId())
                .param("periodStart", Timestamp.from(periodStart))
                .param("periodEnd", Timestamp.from(Periods.endAfter(periodStart, Cycle.WEEKLY, zone, properties.weekStartsOn())))
                .param("monthStart", Timestamp.from(monthStart))
                .param("monthEnd", Timestamp.from(Periods.monthEndAfter(now, zone)))
                .param("now", Timestamp.from(now))
                .update();
        FeeRate fee = properties.defaultFee(currency);
        jdbc.sql("""
                        INSERT INTO fee_rate (legal_entity_id, currency, percentage, fixed_amount)
                        VALUES (:id, :currency, :percentage, :fixed) ON CONFLICT DO NOTHING""")
                .param("id", legalEntityId).param("currency", currency.name())
                .param("percentage", fee.percentage()).param("fixed", fee.fixedAmount())
                .update();
    }

    private ZoneId zoneOf(LegalEntityRegistered entity) {
        if (entity.timeZone() != null && !entity.timeZone().isBlank()) {
            try {
                return ZoneId.of(entity.timeZone());
            } catch (DateTimeException e) {
                log.warn("Legal entity {} names an unknown time zone '{}'; using its country's", entity.legalEntityId(),
                        entity.timeZone());
            }
        }
        return properties.timeZone(entity.countryCode());
    }
}
