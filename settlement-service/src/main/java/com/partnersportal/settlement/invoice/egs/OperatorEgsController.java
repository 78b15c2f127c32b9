package com.partnersportal.settlement.invoice.egs;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.settlement.invoice.fatoora.ZatcaProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' view and control of the EGS unit (docs/zatca.md, the runbook): its state and CSIDs, onboarding with
 * an OTP from the Fatoora portal, and renewal of the production CSID before it expires. Never shows a secret.
 */
@RestController
class OperatorEgsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Onboarding onboarding;
    private final EgsUnits units;
    private final ZatcaProperties properties;
    private final Clock clock;

    OperatorEgsController(Onboarding onboarding, EgsUnits units, ZatcaProperties properties, Clock clock) {
        this.onboarding = onboarding;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    record OtpRequest(String otp) {
    }

    record UnitView(UUID unitId, String status, String commonName, String egsSerialNumber, String vatNumber,
            String invoiceTypes, String complianceRequestId, JsonNode complianceChecks, String productionRequestId,
            String certificateSerial, Instant notAfter, UUID renewalOf, String lastError, Instant createdAt,
            Instant activatedAt) {

        static UnitView of(EgsUnit u) {
            return new UnitView(u.id(), u.status().name().toLowerCase(java.util.Locale.ROOT), u.commonName(),
                    u.egsSerialNumber(), u.vatNumber(), u.invoiceTypes(), u.complianceRequestId(),
                    JSON.readTree(u.complianceChecks()), u.productionRequestId(), u.certificateSerial(), u.notAfter(),
                    u.renewalOf(), u.lastError(), u.createdAt(), u.activatedAt());
        }
    }

    record EgsResponse(String environment, String baseUrl, UnitView active, Long daysUntilExpiry, boolean renewalDue,
            List<UnitView> units) {
    }

    @GetMapping("/operator/v1/settlement/zatca/egs")
    EgsResponse egs(Caller caller) {
        caller.require(Permission.OPERATOR);
        List<EgsUnit> all = units.all(properties.environment());
        EgsUnit active = all.stream().filter(u -> u.status() == EgsUnit.Status.ACTIVE).findFirst().orElse(null);
        Long days = active == null ? null : Duration.between(clock.instant(), active.notAfter()).toDays();
        boolean due = active != null && !clock.instant().isBefore(active.notAfter().minus(properties.renewBefore()));
        return new EgsResponse(properties.environment(), properties.baseUrl(), active == null ? null : UnitView.of(active),
                days, due, all.stream().map(UnitView::of).toList());
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/settlement/zatca/egs/onboarding")
    UnitView onboard(Caller caller, @RequestBody(required = false) OtpRequest request) {
        caller.require(Permission.OPERATOR);
        return UnitView.of(onboarding.onboard(request == null ? null : request.otp()));
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/settlement/zatca/egs/renewal")
    UnitView renew(Caller caller, @RequestBody(required = false) OtpRequest request) {
        caller.require(Permission.OPERATOR);
        return UnitView.of(onboarding.renew(request == null ? null : request.otp()));
    }
}
