package com.partnersportal.settlement.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnersportal.settlement.testing.Events;
import com.partnersportal.settlement.testing.Events.Order;
import com.partnersportal.settlement.testing.SettlementApi;
import com.partnersportal.settlement.testing.SettlementIntegrationTest;
import com.partnersportal.settlement.testing.Settlements;
import com.partnersportal.types.Currency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Replicas closing the same week at the same moment make one report: the profile's row lock lets one through. */
@SettlementIntegrationTest
class ConcurrentCloseIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PeriodClosing closing;

    @Test
    void eightClosersRacingForOneWeekMakeOneReport() throws Exception {
        Settlements settlements = new Settlements(jdbc, new SettlementApi(port), clock);
        UUID merchant = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        Settlements.Period week;
        try (Events events = new Events(brokers)) {
            events.legalEntity(merchant, entity, "SA", "SAR", "Asia/Riyadh", "300000000000003");
            settlements.awaitRegistered(entity);
            week = settlements.openPeriod(entity);
            for (int i = 0; i < 20; i++) {
                events.captured(Order.of(merchant, entity, "SA", Currency.SAR), UUID.randomUUID(), "10.00",
                        week.start().plus(Duration.ofMinutes(i)));
            }
            settlements.awaitLines(entity, 20);
        }
        // As each replica's job would see it once the week has ended (the service's own clock is not moved here).
        Instant afterTheWeek = week.end().plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(8);
        List<Future<Optional<List<SettlementReport>>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Optional<List<SettlementReport>>> close = () -> {
                start.await();
                return closing.closeIfDue(entity, afterTheWeek);
            };
            results.add(replicas.submit(close));
        }
        start.countDown();
        List<SettlementReport> made = new ArrayList<>();
        for (Future<Optional<List<SettlementReport>>> result : results) {
            result.get().ifPresent(made::addAll);
        }
        replicas.shutdown();

        assertThat(made).hasSize(1);
        assertThat(made.getFirst().lineCount()).isEqualTo(20);
        // Each 10.00 first capture: fee 0.25 + 1.00, VAT 0.19, net 8.56.
        assertThat(made.getFirst().netPayable()).isEqualByComparingTo("171.20");
        assertThat(settlements.reports(entity)).isEqualTo(1);
    }
}
