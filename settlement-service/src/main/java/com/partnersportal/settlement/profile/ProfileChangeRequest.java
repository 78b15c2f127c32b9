package com.partnersportal.settlement.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code PATCH /operator/v1/settlement/profiles/{legal_entity_id}}: what an operator changes; absent fields stay.
 * A new cycle or time zone applies to the open period (it ends on the new terms).
 */
record ProfileChangeRequest(List<FeeChange> fees, String cycle, String timeZone, BankAccountChange bankAccount) {

    record FeeChange(String currency, BigDecimal percentage, BigDecimal fixedAmount) {
    }

    record BankAccountChange(String iban, String bankName, String accountHolder) {
    }
}
