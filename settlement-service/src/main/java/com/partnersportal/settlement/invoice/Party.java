package com.partnersportal.settlement.invoice;

/**
 * A seller or buyer as the invoice names it: legal names in Arabic and English, VAT and commercial registration
 * numbers, and the address (structured for the issuer; identity gives a merchant's entity one address line).
 */
public record Party(
        String nameEn,
        String nameAr,
        String vatNumber,
        String commercialRegistration,
        String street,
        String buildingNumber,
        String district,
        String city,
        String postalCode,
        String countryCode) {

    /** The Arabic name, which KSA requires; the English one when there is no Arabic name. */
    public String legalName() {
        return nameAr == null || nameAr.isBlank() ? nameEn : nameAr;
    }
}
