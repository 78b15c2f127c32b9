package com.partnersportal.settlement.invoice.fatoora;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.settlement.zatca}: which Fatoora environment the service talks to and how, who its EGS unit is
 * (the CSR's fields), the key that encrypts stamp keys and CSIDs at rest, and how submissions are driven. The
 * sandbox defaults point at the local ZATCA simulator; production sets {@code environment: core}, its base URL,
 * its EGS identity and its own encryption key (docs/zatca.md).
 *
 * @param environment  {@code developer-portal}, {@code simulation} or {@code core} (ZATCA's names); decides the
 *                     CSR's certificate template name
 * @param baseUrl      the Fatoora API up to and including the environment, e.g.
 *                     {@code https://gw-fatoora.zatca.gov.sa/e-invoicing/core}
 * @param sandboxOtp   sandbox only: onboard (and renew) automatically with this OTP at start
 * @param renewBefore  how long before the production CSID expires a renewal is due
 */
@ConfigurationProperties("portal.settlement.zatca")
public record ZatcaProperties(
        @DefaultValue("developer-portal") String environment,
        @DefaultValue("http://127.0.0.1:8086/e-invoicing/developer-portal") String baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        String encryptionKey,
        List<String> previousEncryptionKeys,
        String sandboxOtp,
        @DefaultValue("30d") Duration renewBefore,
        @DefaultValue Egs egs,
        @DefaultValue Submissions submissions) {

    public ZatcaProperties {
        if (!List.of("developer-portal", "simulation", "core").contains(environment)) {
            throw new IllegalStateException("portal.settlement.zatca.environment must be developer-portal, simulation or core");
        }
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of() : previousEncryptionKeys;
    }

    /**
     * The EGS unit as its CSR describes it. {@code serialNumber} is ZATCA's {@code 1-solution|2-model|3-serial};
     * {@code invoiceTypes} the 4 flags (1000: standard documents only).
     */
    public record Egs(
            @DefaultValue("Partners-Portal-Settlement") String commonName,
            @DefaultValue("Riyadh Branch") String organizationUnit,
            @DefaultValue("1-PartnersPortal|2-settlement-service|3-6f1c2b1e-6a4d-4f0e-9d1a-2c9b1f6e8a01") String serialNumber,
            @DefaultValue("1000") String invoiceTypes,
            @DefaultValue("Financial services") String industry) {
    }

    /**
     * How clearance is driven: each replica polls every {@code pollInterval}; a claimed submission is leased for
     * {@code lease} (a replica that dies mid-send loses it after that); failed attempts wait from
     * {@code firstBackoff} doubling to {@code maxBackoff}.
     */
    public record Submissions(
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("10s") Duration firstBackoff,
            @DefaultValue("30m") Duration maxBackoff) {
    }

    public String certificateTemplate() {
        return switch (environment) {
            case "core" -> "ZATCA-Code-Signing";
            case "simulation" -> "PREZATCA-Code-Signing";
            default -> "TSTZATCA-Code-Signing";
        };
    }
}
