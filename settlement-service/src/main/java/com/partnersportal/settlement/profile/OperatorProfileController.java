package com.partnersportal.settlement.profile;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.period.Cycle;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read and set a legal entity's settlement terms: fees per currency, cycle, time zone and bank account.
 * The whole request is checked before anything changes.
 */
@RestController
class OperatorProfileController {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SettlementProfiles profiles;

    OperatorProfileController(SettlementProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/operator/v1/settlement/profiles/{legalEntityId}")
    ProfileResponse get(Caller caller, @PathVariable String legalEntityId) {
        caller.require(Permission.OPERATOR);
        return view(existing(legalEntityId));
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PatchMapping("/operator/v1/settlement/profiles/{legalEntityId}")
    ProfileResponse change(Caller caller, @PathVariable String legalEntityId, @RequestBody ProfileChangeRequest request) {
        caller.require(Permission.OPERATOR);
        SettlementProfile profile = existing(legalEntityId);
        List<FeeRate> fees = fees(request.fees());
        Cycle cycle = request.cycle() == null ? null : Cycle.fromWire(request.cycle())
                .orElseThrow(() -> invalid("cycle", "cycle must be 'weekly' or 'daily'."));
        ZoneId zone = request.timeZone() == null ? null : zone(request.timeZone());
        BankAccount bank = null;
        if (request.bankAccount() != null) {
            String iban = BankAccount.normalisedIban(request.bankAccount().iban());
            if (iban == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "iban_invalid",
                        "bank_account.iban is not a valid IBAN (country format and check digits).",
                        Map.of("field", "bank_account.iban"));
            }
            bank = new BankAccount(iban, request.bankAccount().bankName(), request.bankAccount().accountHolder());
        }
        profiles.change(profile.legalEntityId(), fees, cycle, zone, bank);
        return view(profiles.find(profile.legalEntityId()).orElseThrow());
    }

    private ProfileResponse view(SettlementProfile profile) {
        return ProfileResponse.of(profile, profiles.feeRates(profile.legalEntityId()), profiles.vatRate(profile.countryCode()));
    }

    private SettlementProfile existing(String legalEntityId) {
        UUID id;
        try {
            id = UUID.fromString(legalEntityId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return profiles.find(id).orElseThrow(OperatorProfileController::notFound);
    }

    private static List<FeeRate> fees(List<ProfileChangeRequest.FeeChange> changes) {
        List<FeeRate> fees = new ArrayList<>();
        if (changes == null) {
            return fees;
        }
        for (ProfileChangeRequest.FeeChange change : changes) {
            Currency currency = Currency.fromCode(change.currency()).orElseThrow(() -> new ApiProblem(
                    HttpStatus.BAD_REQUEST, "currency_unsupported", "fees[].currency must be one of SAR, AED, QAR, KWD, BHD, OMR.",
                    Map.of("field", "fees.currency")));
            BigDecimal percentage = change.percentage();
            if (percentage == null || percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0
                    || percentage.stripTrailingZeros().scale() > 4) {
                throw invalid("fees.percentage", "fees[].percentage must be between 0 and 100 with at most 4 decimals.");
            }
            BigDecimal fixed = MoneyReader.amount("fees.fixed_amount", change.fixedAmount(), currency,
                    MoneyReader.Sign.NOT_NEGATIVE);
            fees.add(new FeeRate(currency, percentage, fixed));
        }
        return fees;
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw invalid("time_zone", "time_zone must be an IANA time zone such as Asia/Riyadh.");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "legal_entity_not_found", "No settlement profile for that legal entity.");
    }
}
