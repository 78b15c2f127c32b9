package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.deployment.DeploymentProperties;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an eye on the production CSID: {@code portal_zatca_csid_expires_in_seconds} for alerts (negative when there
 * is none), a warning in the log once a renewal is due. In a sandbox with {@code sandbox-otp} set it also onboards
 * the unit at start, renews it when due and onboards a new one when the simulator refuses the unit's credentials,
 * so that a local run clears invoices unattended. In production a renewal needs an operator and a fresh OTP from the
 * Fatoora portal (docs/zatca.md).
 */
@Component
public class CsidWatch {

    private static final Logger log = LoggerFactory.getLogger(CsidWatch.class);

    private final Onboarding onboarding;
    private final ZatcaProperties properties;
    private final DeploymentProperties deployment;
    private final Clock clock;
    private final AtomicReference<Instant> notAfter = new AtomicReference<>();

    public CsidWatch(Onboarding onboarding, ZatcaProperties properties, DeploymentProperties deployment, Clock clock,
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

    /** A sandbox that onboards itself with the simulator: no operator, no real OTP. */
    public boolean unattended() {
        return deployment.environment().isSandbox() && properties.sandboxOtp() != null && !properties.sandboxOtp().isBlank();
    }

    /**
     * ZATCA answered 401 to a submission signed and authenticated by {@code refusedUnit}. The simulator keeps its CA
     * in the checkout's {@code .run/} while the database may be shared with another checkout's simulator, so in an
     * unattended sandbox that credential is simply unknown to it: a new unit is onboarded and true answered (the
     * documents go to ZATCA again). Elsewhere, or when onboarding fails, false: the documents wait for operators.
     */
    public boolean replaceRefused(UUID refusedUnit) {
        if (!unattended()) {
            return false;
        }
        var active = onboarding.active();
        if (active.isPresent() && !active.get().unitId().equals(refusedUnit)) {
            return true; // another replica replaced it meanwhile
        }
        log.warn("Sandbox: ZATCA at {} refused the credentials of EGS unit {}; onboarding a new unit", properties.baseUrl(),
                refusedUnit);
        try {
            notAfter.set(onboarding.onboardAnew(properties.sandboxOtp()).notAfter());
            return true;
        } catch (RuntimeException e) {
            log.warn("Sandbox: onboarding a new EGS unit failed: {}", e.getMessage());
            return false;
        }
    }

    @Scheduled(initialDelayString = "${portal.settlement.zatca.watch-initial-delay:3s}",
            fixedDelayString = "${portal.settlement.zatca.watch-interval:1h}")
    void check() {
        boolean unattended = unattended();
        try {
            var active = onboarding.active();
            if (active.isEmpty()) {
                notAfter.set(null);
                if (unattended) {
                    log.info("Sandbox: onboarding the EGS unit with ZATCA at {}", properties.baseUrl());
                    notAfter.set(onboardResuming().notAfter());
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

    /** Resumes an onboarding in progress, or starts anew when the simulator refuses its compliance CSID. */
    private EgsUnit onboardResuming() {
        try {
            return onboarding.onboard(properties.sandboxOtp());
        } catch (ApiProblem e) {
            if (!"zatca_refused".equals(e.errorCode()) || !Integer.valueOf(401).equals(e.data().get("zatca_status"))) {
                throw e;
            }
            return onboarding.onboardAnew(properties.sandboxOtp());
        }
    }
}
