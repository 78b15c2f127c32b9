package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an eye on the production CSID: {@code portal_zatca_csid_expires_in_seconds} for alerts (negative when there
 * is none), a warning in the log once a renewal is due. In a sandbox with {@code sandbox-otp} set it also onboards
 * the unit at start and renews it when due, against the simulator, so that a local run clears invoices unattended.
 * In production a renewal needs an operator and a fresh OTP from the Fatoora portal (docs/zatca.md).
 */
@Component
class CsidWatch {

    private static final Logger log = LoggerFactory.getLogger(CsidWatch.class);

    private final Onboarding onboarding;
    private final ZatcaProperties properties;
    private final DeploymentProperties deployment;
    private final Clock clock;
    private final AtomicReference<Instant> notAfter = new AtomicReference<>();

    CsidWatch(Onboarding onboarding, ZatcaProperties properties, DeploymentProperties deployment, Clock clock,
            MeterRegistry meters) {
        this.onboarding = onboarding;
        this.properties = properties;
        this.deployment = deployment;
        this.clock = clock;
        Gauge.builder("portal.zatca.csid.expires.in", this, CsidWatch::secondsLeft).baseUnit("seconds")
                .description("Time until the production CSID expires; negative when the EGS unit has none")
                .register(meters);
    }

    private double secondsLeft() {
        Instant end = notAfter.get();
        return end == null ? -1 : Duration.between(clock.instant(), end).toSeconds();
    }

    @Scheduled(initialDelayString = "${portal.settlement.zatca.watch-initial-delay:3s}",
            fixedDelayString = "${portal.settlement.zatca.watch-interval:1h}")
    void check() {
        boolean unattended = deployment.environment().isSandbox() && properties.sandboxOtp() != null
                && !properties.sandboxOtp().isBlank();
        try {
            var active = onboarding.active();
            if (active.isEmpty()) {
                notAfter.set(null);
                if (unattended) {
                    log.info("Sandbox: onboarding the EGS unit with ZATCA at {}", properties.baseUrl());
                    notAfter.set(onboarding.onboard(properties.sandboxOtp()).notAfter());
                } else {
                    log.warn("The EGS unit is not onboarded with ZATCA: no tax document can be cleared (docs/zatca.md)");
                }
                return;
            }
            notAfter.set(active.get().notAfter());
            if (!clock.instant().isBefore(active.get().notAfter().minus(properties.renewBefore()))) {
                if (unattended) {
                    notAfter.set(onboarding.renew(properties.sandboxOtp()).notAfter());
                } else {
                    log.warn("The production CSID expires at {}: renew it with an OTP (POST /operator/v1/settlement/zatca/egs/renewal)",
                            active.get().notAfter());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Checking the EGS unit's CSID failed; tried again at the next check: {}", e.getMessage());
        }
    }
}
