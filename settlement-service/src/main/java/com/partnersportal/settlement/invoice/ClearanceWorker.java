package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.invoice.egs.CsidWatch;
import com.partnersportal.settlement.invoice.egs.EgsUnits;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submits the chain's documents to ZATCA one after the other, each claimed before it is sent and its answer recorded
 * after, and acts on ZATCA's status as its API documents it: 200 cleared, 202 cleared with warnings (kept for
 * operators, not resent), 208 cleared before (the answer to a resend whose first answer was lost), 303 clearance
 * switched off (report it instead), 400 rejected (void, never shared, the chain goes on past it), 401 credentials
 * refused (waits for operators; an unattended sandbox onboards a new unit and sends again, stamped by it),
 * 413/429/5xx or no answer: not received (Resilience4j retries, then rescheduled with backoff, always the same bytes).
 */
@Component
public class ClearanceWorker {

    private static final Logger log = LoggerFactory.getLogger(ClearanceWorker.class);
    private static final int MAX_PER_DRAIN = 500;

    private final Submissions submissions;
    private final EgsUnits units;
    private final ZatcaSubmitter submitter;
    private final ClearanceRecorder recorder;
    private final ZatcaProperties properties;
    private final IssuerProperties issuer;
    private final CsidWatch csidWatch;

    ClearanceWorker(Submissions submissions, EgsUnits units, ZatcaSubmitter submitter, ClearanceRecorder recorder,
            ZatcaProperties properties, IssuerProperties issuer, CsidWatch csidWatch, MeterRegistry meters) {
        this.submissions = submissions;
        this.units = units;
        this.submitter = submitter;
        this.recorder = recorder;
        this.properties = properties;
        this.issuer = issuer;
        this.csidWatch = csidWatch;
        Gauge.builder("portal.zatca.submissions.unfinished", submissions, Submissions::unfinished)
                .description("Tax documents issued and not yet cleared, reported or rejected by ZATCA").register(meters);
    }

    /** Submits what is due, in chain order, until nothing is; the number of answers handled. */
    public int drain() {
        Optional<EgsUnits.Active> signer = units.active(properties.environment());
        if (signer.isEmpty()) {
            log.debug("No active EGS unit: nothing is submitted to ZATCA until it is onboarded");
            return 0;
        }
        int handled = 0;
        while (handled < MAX_PER_DRAIN) {
            Optional<Submissions.Claim> claim = submissions.claimNext(issuer.vatNumber(), signer.get(),
                    properties.submissions().lease());
            if (claim.isEmpty()) {
                break;
            }
            if (!submit(claim.get(), signer.get())) {
                break;
            }
            handled++;
        }
        return handled;
    }

    /** Sends one claimed submission and records the answer; false when the chain must wait (not received). */
    boolean submit(Submissions.Claim claim, EgsUnits.Active signer) {
        String uuid = claim.documentId().toString();
        FatooraModels.Submission body = FatooraModels.Submission.of(claim.invoiceHash(), uuid, claim.signedXml());
        boolean reporting = claim.endpoint().equals("REPORTING");
        FatooraModels.Answer answer;
        try {
            answer = reporting ? submitter.reporting(signer.csid(), body) : submitter.clearance(signer.csid(), body);
        } catch (ZatcaSubmitter.NotReceived e) {
            recorder.retryLater(claim, e.answer(), "NOT_RECEIVED", e.getMessage(), backoff(claim.attempt()), false);
            return false;
        } catch (UncheckedIOException e) {
            recorder.retryLater(claim, null, "NO_ANSWER", e.getMessage(), backoff(claim.attempt()), false);
            return false;
        } catch (CallNotPermittedException e) {
            recorder.retryLater(claim, null, "CIRCUIT_OPEN", "ZATCA keeps failing; calls paused", ZatcaSubmitter.OPEN_FOR, false);
            return false;
        }
        switch (answer.status()) {
            case 200, 202, 208 -> {
                if (reporting) {
                    recorder.cleared(claim, answer, "REPORTED", null);
                    return true;
                }
                return cleared(claim, answer);
            }
            case 409 -> {
                if (reporting) {
                    recorder.cleared(claim, answer, "REPORTED", null);
                    return true;
                }
                recorder.retryLater(claim, answer, "UNEXPECTED", "ZATCA answered 409 to a clearance",
                        backoff(claim.attempt()), false);
                return false;
            }
            case 303 -> {
                recorder.retryLater(claim, answer, "CLEARANCE_OFF", "ZATCA has clearance switched off: reporting instead",
                        Duration.ZERO, true);
                return true;
            }
            case 400 -> {
                recorder.rejected(claim, answer);
                return true;
            }
            case 401, 403 -> {
                String refused = "ZATCA refused the production CSID (HTTP " + answer.status() + ")";
                if (csidWatch.replaceRefused(signer.unitId())) {
                    recorder.retryLater(claim, answer, "UNAUTHORIZED", refused + ": the sandbox onboarded a new EGS unit",
                            Duration.ZERO, false);
                    // What the refused unit stamped is stamped again by the new one (same invoice hash, new signature).
                    submissions.unstampUnfinished(issuer.vatNumber());
                } else if (csidWatch.unattended()) {
                    recorder.retryLater(claim, answer, "UNAUTHORIZED", refused + " and onboarding a new EGS unit failed",
                            backoff(claim.attempt()), false);
                } else {
                    recorder.retryLater(claim, answer, "UNAUTHORIZED",
                            refused + ": check the EGS unit (GET /operator/v1/settlement/zatca/egs)",
                            properties.submissions().maxBackoff(), false);
                }
                return false;
            }
            default -> {
                recorder.retryLater(claim, answer, "UNEXPECTED", "ZATCA answered " + answer.status(),
                        backoff(claim.attempt()), false);
                return false;
            }
        }
    }

    private boolean cleared(Submissions.Claim claim, FatooraModels.Answer answer) {
        String cleared = answer.result() == null ? null : answer.result().clearedInvoice();
        if (cleared == null || !"CLEARED".equals(answer.result().clearanceStatus())) {
            recorder.retryLater(claim, answer, "UNEXPECTED", "HTTP " + answer.status() + " without a cleared invoice",
                    backoff(claim.attempt()), false);
            return false;
        }
        byte[] xml = java.util.Base64.getDecoder().decode(cleared);
        String hash = InvoiceHash.of(xml);
        if (!hash.equals(claim.invoiceHash())) {
            recorder.retryLater(claim, answer, "CLEARED_COPY_MISMATCH", "the cleared invoice hashes to " + hash
                    + ", not to the submitted " + claim.invoiceHash(), properties.submissions().maxBackoff(), false);
            return false;
        }
        recorder.cleared(claim, answer, answer.status() == 208 ? "CLEARED_BEFORE" : "CLEARED", xml);
        return true;
    }

    private Duration backoff(int attempt) {
        Duration first = properties.submissions().firstBackoff();
        Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return wait.compareTo(properties.submissions().maxBackoff()) > 0 ? properties.submissions().maxBackoff() : wait;
    }
}
