package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.invoice.IssuerProperties;
import com.partnersportal.settlement.invoice.StampedInvoice;
import com.partnersportal.settlement.invoice.fatoora.FatooraClient;
import com.partnersportal.settlement.invoice.fatoora.FatooraException;
import com.partnersportal.settlement.invoice.fatoora.FatooraModels;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import com.partnersportal.settlement.invoice.stamp.Secp256k1;
import com.partnersportal.settlement.invoice.stamp.StampIdentity;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Onboards the EGS unit with ZATCA, step by step, each step saved before the next: a new secp256k1 key and CSR, the
 * compliance CSID (with the OTP from the Fatoora portal), the compliance checks (the sample documents, stamped with
 * the compliance CSID), the production CSID. A failed step leaves the unit where it was, and onboarding again
 * resumes there (the OTP is only needed until the compliance CSID is issued). Renewal gets a new production CSID for
 * a new key with a new OTP before the current one expires; the current unit signs until the new one is active.
 */
@Service
public class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EgsUnits units;
    private final FatooraClient fatoora;
    private final ZatcaProperties properties;
    private final IssuerProperties issuer;
    private final Clock clock;

    Onboarding(EgsUnits units, FatooraClient fatoora, ZatcaProperties properties, IssuerProperties issuer, Clock clock) {
        this.units = units;
        this.fatoora = fatoora;
        this.properties = properties;
        this.issuer = issuer;
        this.clock = clock;
    }

    public synchronized EgsUnit onboard(String otp) {
        String environment = properties.environment();
        UUID id = units.onboardingInProgress(environment).orElseGet(() -> requestComplianceCsid(otp));
        EgsUnit unit = units.find(id).orElseThrow();
        if (unit.status() == EgsUnit.Status.COMPLIANCE) {
            runComplianceChecks(id);
        }
        EgsUnits.Compliance compliance = units.compliance(id);
        FatooraModels.Csid production = call(() -> fatoora.productionCsid(compliance.csid()), id);
        StampIdentity issued = StampIdentity.of(compliance.identity().privateKey(), production.certificateDer());
        units.activate(id, environment, production, issued.certificate());
        log.info("EGS unit {} is onboarded in {}: production CSID {} valid until {}", id, environment,
                issued.serialNumber(), issued.certificate().getNotAfter().toInstant());
        return units.find(id).orElseThrow();
    }

    /**
     * Onboards a new unit from the start (a new key, a compliance CSID for the OTP), leaving aside an onboarding in
     * progress: for when ZATCA no longer recognises the credentials the database holds, as a sandbox simulator
     * started with other state does (CsidWatch). The active unit signs until the new one is active.
     */
    public synchronized EgsUnit onboardAnew(String otp) {
        units.onboardingInProgress(properties.environment()).ifPresent(id -> {
            units.abandon(id, "left aside: onboarding started anew because ZATCA refused the credentials");
            log.info("EGS unit {}: onboarding in progress left aside, starting anew", id);
        });
        return onboard(otp);
    }

    public synchronized EgsUnit renew(String otp) {
        String environment = properties.environment();
        EgsUnits.Active current = units.active(environment).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "egs_not_onboarded", "There is no production CSID to renew: onboard the EGS unit first."));
        requireOtp(otp);
        KeyPair key = Secp256k1.generate();
        EgsCsr.Fields fields = fields();
        String csr = EgsCsr.forApi(EgsCsr.build(key, fields));
        FatooraModels.Csid renewed = call(() -> fatoora.renewProductionCsid(current.csid(), csr, otp), null);
        UUID id = UUID.randomUUID();
        StampIdentity identity = StampIdentity.of(key.getPrivate(), renewed.certificateDer());
        units.insertRenewal(id, current.unitId(), environment, fields, key.getPrivate().getEncoded(), csr, renewed,
                identity.certificate());
        log.info("Production CSID renewed in {}: unit {} replaces {}, valid until {}", environment, id,
                current.unitId(), identity.certificate().getNotAfter().toInstant());
        return units.find(id).orElseThrow();
    }

    public Optional<EgsUnits.Active> active() {
        return units.active(properties.environment());
    }

    private UUID requestComplianceCsid(String otp) {
        requireOtp(otp);
        KeyPair key = Secp256k1.generate();
        EgsCsr.Fields fields = fields();
        String csr = EgsCsr.forApi(EgsCsr.build(key, fields));
        FatooraModels.Csid compliance = call(() -> fatoora.complianceCsid(csr, otp), null);
        UUID id = UUID.randomUUID();
        units.insertCompliance(id, properties.environment(), fields, key.getPrivate().getEncoded(), csr, compliance);
        log.info("Compliance CSID obtained for EGS unit {} (request {})", id, compliance.requestID());
        return id;
    }

    private void runComplianceChecks(UUID id) {
        EgsUnits.Compliance compliance = units.compliance(id);
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean passed = true;
        for (StampedInvoice sample : ComplianceSamples.stamped(issuer.party(), compliance.identity(), clock.instant())) {
            String uuid = com.partnersportal.settlement.invoice.UblInvoice.parse(sample.xml()).getElementsByTagNameNS(
                    com.partnersportal.settlement.invoice.UblInvoice.CBC, "UUID").item(0).getTextContent();
            FatooraModels.Answer answer = call(() -> fatoora.complianceCheck(compliance.csid(),
                    FatooraModels.Submission.of(sample.invoiceHash(), uuid, sample.xml())), id);
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("document", typeOf(sample));
            check.put("http_status", answer.status());
            check.put("status", answer.result() == null || answer.result().validationResults() == null ? null
                    : answer.result().validationResults().status());
            check.put("errors", answer.result() == null || answer.result().validationResults() == null ? List.of()
                    : answer.result().validationResults().errors());
            check.put("warnings", answer.result() == null || answer.result().validationResults() == null ? List.of()
                    : answer.result().validationResults().warnings());
            checks.add(check);
            passed &= answer.status() == 200 || answer.status() == 202;
        }
        String json = JSON.writeValueAsString(checks);
        units.complianceChecked(id, json, passed, passed ? null : "compliance checks failed: " + json);
        if (!passed) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "zatca_compliance_checks_failed",
                    "ZATCA's compliance checks did not pass; see the unit's compliance_checks.", Map.of("unit_id", id));
        }
    }

    private static String typeOf(StampedInvoice sample) {
        String xml = new String(sample.xml(), java.nio.charset.StandardCharsets.UTF_8);
        return xml.contains(">381</cbc:InvoiceTypeCode>") ? "standard credit note (381)"
                : xml.contains(">383</cbc:InvoiceTypeCode>") ? "standard debit note (383)" : "standard tax invoice (388)";
    }

    EgsCsr.Fields fields() {
        ZatcaProperties.Egs egs = properties.egs();
        var party = issuer.party();
        String location = String.join(" ", java.util.stream.Stream.of(party.buildingNumber(), party.street(), party.city())
                .filter(p -> p != null && !p.isBlank()).toList());
        return new EgsCsr.Fields(egs.commonName() + "-" + issuer.vatNumber(), egs.organizationUnit(), party.nameEn(),
                egs.serialNumber(), issuer.vatNumber(), egs.invoiceTypes(), location, egs.industry(),
                properties.certificateTemplate());
    }

    private static void requireOtp(String otp) {
        if (otp == null || !otp.matches("\\d{6}")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field",
                    "otp must be the 6-digit one-time password from the Fatoora portal.", Map.of("field", "otp"));
        }
    }

    private <T> T call(java.util.function.Supplier<T> request, UUID unit) {
        try {
            return request.get();
        } catch (FatooraException e) {
            if (unit != null) {
                units.failed(unit, e.getMessage());
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "zatca_refused", "ZATCA refused the request: " + e.getMessage(),
                    Map.of("zatca_status", e.status()));
        } catch (UncheckedIOException e) {
            if (unit != null) {
                units.failed(unit, e.getMessage());
            }
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "zatca_unavailable", "ZATCA did not answer; try again later.");
        }
    }
}
