package com.partnersportal.settlement.invoice;

import com.partnersportal.settlement.profile.VatNumbers;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.settlement.issuer}: the provider, which issues the tax invoices for its fees. The sandbox default is
 * a made-up company with a well-formed VAT number; production sets its own (PORTAL_SETTLEMENT_ISSUER_*).
 */
@ConfigurationProperties("portal.settlement.issuer")
public record IssuerProperties(
        String nameEn,
        String nameAr,
        String vatNumber,
        String commercialRegistration,
        String street,
        String buildingNumber,
        String district,
        String city,
        String postalCode,
        @DefaultValue("SA") String countryCode,
        @DefaultValue("INV-") String invoicePrefix) {

    public IssuerProperties {
        if (!VatNumbers.isValidKsa(vatNumber)) {
            throw new IllegalStateException(
                    "portal.settlement.issuer.vat-number must be a KSA VAT number: 15 digits, the first and the last a 3");
        }
        if (nameAr == null || nameAr.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalStateException("portal.settlement.issuer.name-ar and name-en are required (Arabic is mandatory)");
        }
        if (nameAr.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalStateException("portal.settlement.issuer.name-ar must fit the QR code's 255 bytes");
        }
    }

    public Party party() {
        return new Party(nameEn, nameAr, vatNumber, commercialRegistration, street, buildingNumber, district, city,
                postalCode, countryCode);
    }
}
