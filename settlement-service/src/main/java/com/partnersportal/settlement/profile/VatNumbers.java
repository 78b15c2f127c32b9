package com.partnersportal.settlement.profile;

import java.util.regex.Pattern;

/** KSA VAT registration numbers: 15 digits, the first and the last a 3. */
public final class VatNumbers {

    private static final Pattern KSA = Pattern.compile("3\\d{13}3");

    private VatNumbers() {
    }

    public static boolean isValidKsa(String vatNumber) {
        return vatNumber != null && KSA.matcher(vatNumber).matches();
    }
}
