package com.partnersportal.identity.merchant;

import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.types.Currency;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a legal entity's country-specific details must be: a country the platform trades in, that country's
 * currency, a time zone (the country's by default), and registration and VAT numbers of the country's shape. In
 * Saudi Arabia the VAT number is required: 15 digits, the first and last a 3 (ZATCA).
 */
final class LegalEntityRules {

    private static final Pattern KSA_VAT = Pattern.compile("3\\d{13}3");
    private static final Pattern UAE_TRN = Pattern.compile("\\d{15}");
    private static final Pattern OTHER_VAT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern KSA_CR = Pattern.compile("\\d{10}");
    private static final Pattern OTHER_CR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /-]{0,63}");

    private LegalEntityRules() {
    }

    record Checked(String countryCode, Currency currency, String timeZone, String commercialRegistration,
            String vatNumber) {
    }

    static Checked check(String countryCode, String currencyCode, String timeZone, String commercialRegistration,
            String vatNumber) {
        Currency countryCurrency = Currency.ofCountry(countryCode).orElseThrow(() -> invalid("country_unsupported",
                "The platform trades in SA, AE, QA, KW, BH and OM only.", "country_code"));
        if (currencyCode != null && !countryCurrency.name().equals(currencyCode)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "currency_country_mismatch",
                    "A legal entity in %s trades in %s.".formatted(countryCode, countryCurrency.name()),
                    Map.of("country_code", countryCode, "expected_currency", countryCurrency.name()));
        }
        String zone = timeZone == null ? defaultTimeZone(countryCode) : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw invalid("time_zone_unknown", "'%s' is not a time zone (e.g. Asia/Riyadh).".formatted(zone), "time_zone");
        }
        String registration = commercialRegistration.strip();
        if (!("SA".equals(countryCode) ? KSA_CR : OTHER_CR).matcher(registration).matches()) {
            throw invalid("commercial_registration_invalid", "SA".equals(countryCode)
                    ? "A Saudi commercial registration number has 10 digits."
                    : "The commercial registration number has letters, digits, spaces, '/' or '-' only.",
                    "commercial_registration");
        }
        String vat = vatNumber == null || vatNumber.isBlank() ? null : vatNumber.strip();
        switch (countryCode) {
            case "SA" -> {
                if (vat == null || !KSA_VAT.matcher(vat).matches()) {
                    throw invalid("vat_number_invalid",
                            "A Saudi VAT number has 15 digits, the first and the last a 3.", "vat_number");
                }
            }
            case "AE" -> {
                if (vat != null && !UAE_TRN.matcher(vat).matches()) {
                    throw invalid("vat_number_invalid", "A UAE tax registration number has 15 digits.", "vat_number");
                }
            }
            default -> {
                if (vat != null && !OTHER_VAT.matcher(vat).matches()) {
                    throw invalid("vat_number_invalid", "The VAT number has 5 to 20 capital letters or digits.",
                            "vat_number");
                }
            }
        }
        return new Checked(countryCode, countryCurrency, zone, registration, vat);
    }

    static String defaultTimeZone(String countryCode) {
        return switch (countryCode) {
            case "SA" -> "Asia/Riyadh";
            case "AE" -> "Asia/Dubai";
            case "QA" -> "Asia/Qatar";
            case "KW" -> "Asia/Kuwait";
            case "BH" -> "Asia/Bahrain";
            case "OM" -> "Asia/Muscat";
            default -> throw new IllegalArgumentException(countryCode);
        };
    }

    private static ApiProblem invalid(String code, String message, String field) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, message, Map.of("field", field));
    }
}
