package com.partnersportal.types;

import java.util.Arrays;
import java.util.Optional;

/**
 * The currencies the platform trades in, each tied to the one country that uses it.
 * An order's currency must match its country; there is no cross-currency trade.
 */
public enum Currency {
    SAR("SA", 2),
    AED("AE", 2),
    QAR("QA", 2),
    KWD("KW", 3),
    BHD("BH", 3),
    OMR("OM", 3);

    private final String countryCode;
    private final int scale;

    Currency(String countryCode, int scale) {
        this.countryCode = countryCode;
        this.scale = scale;
    }

    /** ISO 3166-1 alpha-2 code of the country that uses this currency. */
    public String countryCode() {
        return countryCode;
    }

    /** Decimal places of the minor unit: 2 for SAR, 3 for KWD. */
    public int scale() {
        return scale;
    }

    public static Optional<Currency> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    public static Optional<Currency> ofCountry(String countryCode) {
        return Arrays.stream(values()).filter(c -> c.countryCode.equals(countryCode)).findFirst();
    }
}
