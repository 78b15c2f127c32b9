package com.partnersportal.settlement.profile;

import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/** Where payouts go. The IBAN is validated (country format and check digits) and only ever shown masked. */
public record BankAccount(String iban, String bankName, String accountHolder) {

    /** The IBAN without spaces, upper-cased, if it is valid. */
    public static String normalisedIban(String iban) {
        if (iban == null) {
            return null;
        }
        String compact = iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(compact);
            return compact;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            return null;
        }
    }

    /** {@code SA03 **** **** **** **** 7519}: the country, the check digits and the last four characters. */
    public String maskedIban() {
        if (iban == null || iban.length() < 8) {
            return null;
        }
        StringBuilder masked = new StringBuilder(iban.substring(0, 4));
        for (int i = 4; i < iban.length() - 4; i++) {
            masked.append('*');
        }
        masked.append(iban, iban.length() - 4, iban.length());
        return masked.toString().replaceAll("(.{4})(?!$)", "$1 ");
    }
}
