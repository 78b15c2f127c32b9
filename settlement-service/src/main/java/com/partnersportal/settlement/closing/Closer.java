package com.partnersportal.settlement.closing;

import com.partnersportal.settlement.invoice.MonthlyInvoicing;
import com.partnersportal.settlement.invoice.TaxInvoice;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.settlement.report.PeriodClosing;
import com.partnersportal.settlement.report.SettlementReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Closes every settlement period and invoicing month that has ended, entity by entity, each in its own transaction.
 * An entity whose periods were missed (the service was down) has them closed one after the other, oldest first, so
 * every week gets its own report. Replicas run this side by side: the profile's row lock (skipped when taken) lets
 * exactly one of them close a given period.
 */
@Service
public class Closer {

    private static final Logger log = LoggerFactory.getLogger(Closer.class);
    private static final int BATCH = 200;
    private static final int MAX_PERIODS_PER_ENTITY = 1000;

    private final SettlementProfiles profiles;
    private final PeriodClosing periods;
    private final MonthlyInvoicing invoicing;
    private final Clock clock;
    private final Timer periodCloses;
    private final Timer monthCloses;

    Closer(SettlementProfiles profiles, PeriodClosing periods, MonthlyInvoicing invoicing, Clock clock,
            MeterRegistry meters) {
        this.profiles = profiles;
        this.periods = periods;
        this.invoicing = invoicing;
        this.clock = clock;
        this.periodCloses = Timer.builder("portal.settlement.close").description("Closing one period or month, committed")
                .tag("kind", "period").register(meters);
        this.monthCloses = Timer.builder("portal.settlement.close").description("Closing one period or month, committed")
                .tag("kind", "month").register(meters);
    }

    public record Closed(List<SettlementReport> reports, List<TaxInvoice> invoices) {
    }

    public Closed closeAllDue() {
        Instant now = clock.instant();
        List<SettlementReport> reports = closeDue(now, profiles::dueForClosing, timed(periodCloses, periods::closeIfDue));
        List<TaxInvoice> invoices = closeDue(now, profiles::dueForInvoicing, timed(monthCloses, invoicing::closeIfDue));
        return new Closed(reports, invoices);
    }

    private static <T> BiFunction<UUID, Instant, Optional<List<T>>> timed(Timer timer,
            BiFunction<UUID, Instant, Optional<List<T>>> close) {
        return (entity, now) -> {
            long start = System.nanoTime();
            Optional<List<T>> closed = close.apply(entity, now);
            if (closed.isPresent()) {
                timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            return closed;
        };
    }

    private <T> List<T> closeDue(Instant now, BiFunction<Instant, Integer, List<UUID>> due,
            BiFunction<UUID, Instant, Optional<List<T>>> close) {
        List<T> made = new ArrayList<>();
        for (int pass = 0; pass < 50; pass++) {
            List<UUID> entities = due.apply(now, BATCH);
            boolean progressed = false;
            for (UUID entity : entities) {
                progressed |= closeAll(entity, made, id -> close.apply(id, now));
            }
            if (entities.size() < BATCH || !progressed) {
                break;
            }
        }
        return made;
    }

    private <T> boolean closeAll(UUID entity, List<T> made, Function<UUID, Optional<List<T>>> close) {
        boolean closedAny = false;
        try {
            for (int i = 0; i < MAX_PERIODS_PER_ENTITY; i++) {
                Optional<List<T>> closed = close.apply(entity);
                if (closed.isEmpty()) {
                    break;
                }
                made.addAll(closed.get());
                closedAny = true;
            }
        } catch (RuntimeException e) {
            log.warn("Closing for legal entity {} failed; it is tried again on the next pass: {}", entity, e.toString());
        }
        return closedAny;
    }
}
