package com.partnersportal.settlement.invoice;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import com.partnersportal.kit.problem.ApiProblem;
import com.partnersportal.settlement.ledger.Ledger;
import com.partnersportal.settlement.profile.SettlementProfile;
import com.partnersportal.settlement.profile.SettlementProfiles;
import com.partnersportal.kit.money.MoneyReader;
import com.partnersportal.kit.money.WireMoney;
import com.partnersportal.types.Currency;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator corrects the fees of a month already invoiced: {@code POST
 * /operator/v1/settlement/legal-entities/{id}/fee-corrections {"invoice_id", "fee": {"amount": -12.50, "currency":
 * "SAR"}, "reason", "reference"}}. A negative fee is returned (a credit note), a positive one charged in addition (a
 * debit note); the fee and its VAT are netted in the entity's open settlement period. The operator's reference makes
 * it idempotent: the same reference again returns the same note; with other terms it is refused.
 */
@RestController
class OperatorFeeCorrectionsController {

    private final SettlementProfiles profiles;
    private final TaxInvoices invoices;
    private final Ledger ledger;
    private final FeeNotes notes;
    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorFeeCorrectionsController(SettlementProfiles profiles, TaxInvoices invoices, Ledger ledger, FeeNotes notes,
            JdbcClient jdbc, Clock clock) {
        this.profiles = profiles;
        this.invoices = invoices;
        this.ledger = ledger;
        this.notes = notes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record FeeCorrectionRequest(String invoiceId, WireMoney fee, String reason, String reference) {
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/settlement/legal-entities/{legalEntityId}/fee-corrections")
    @Transactional
    ResponseEntity<InvoiceView> correct(Caller caller, @PathVariable String legalEntityId,
            @RequestBody FeeCorrectionRequest request) {
        caller.require(Permission.OPERATOR);
        SettlementProfile profile = profile(legalEntityId);
        if (request.reference() == null || request.reference().isBlank() || request.reference().length() > 100) {
            throw invalid("reference", "reference is required (your unique reference for this correction, at most 100 characters).");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw invalid("reason", "reason is required (at most 500 characters): it is stated on the note.");
        }
        BigDecimal fee = MoneyReader.read("fee", request.fee(), Currency.SAR, MoneyReader.Sign.NOT_ZERO).amount();
        TaxInvoice original = original(request.invoiceId(), profile);
        UUID correctionId = UUID.nameUUIDFromBytes((profile.legalEntityId() + ":" + request.reference().trim())
                .getBytes(StandardCharsets.UTF_8));
        if (fee.signum() < 0 && fee.negate().compareTo(notes.currentFees(original)) > 0) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "credit_exceeds_invoice",
                    "A credit cannot return more fees than the invoice states after its notes.",
                    Map.of("invoice_fees", notes.currentFees(original)));
        }
        var booked = ledger.feeCorrected(profile.legalEntityId(), profile.merchantId(), profile.countryCode(),
                correctionId, original.id(), fee, request.reason().trim(), clock.instant());
        if (booked.isEmpty()) {
            return ResponseEntity.ok(InvoiceView.of(replayed(correctionId, original, fee)));
        }
        TaxInvoice note = notes.correctionNote(original, correctionId, fee, request.reason().trim());
        return ResponseEntity.status(HttpStatus.CREATED).body(InvoiceView.of(note));
    }

    private TaxInvoice replayed(UUID correctionId, TaxInvoice original, BigDecimal fee) {
        record Earlier(UUID note, UUID original, BigDecimal change) {
        }
        Earlier earlier = jdbc.sql("""
                        SELECT note_id, original_invoice_id, fee_change FROM invoiced_fee_change
                        WHERE kind = 'FEE_CORRECTION' AND operation_id = :id""")
                .param("id", correctionId)
                .query((rs, n) -> new Earlier(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3)))
                .single();
        if (!earlier.original().equals(original.id()) || earlier.change().compareTo(fee) != 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "reference_reused",
                    "This reference was used for another correction.");
        }
        return invoices.find(earlier.note()).orElseThrow();
    }

    private SettlementProfile profile(String legalEntityId) {
        try {
            SettlementProfile profile = profiles.find(UUID.fromString(legalEntityId)).orElseThrow(
                    () -> new ApiProblem(HttpStatus.NOT_FOUND, "legal_entity_not_found", "No settlement profile for that legal entity."));
            if (!profile.sellsInKsa()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not_invoiced_outside_ksa",
                        "Only legal entities that sell in KSA get tax invoices and notes.");
            }
            return profile;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "legal_entity_not_found", "No settlement profile for that legal entity.");
        }
    }

    private TaxInvoice original(String invoiceId, SettlementProfile profile) {
        try {
            return invoices.find(UUID.fromString(invoiceId))
                    .filter(i -> i.legalEntityId().equals(profile.legalEntityId()))
                    .filter(i -> i.documentType() == DocumentType.INVOICE && i.clearanceStatus() != ClearanceStatus.REJECTED)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invoice_not_correctable",
                            "invoice_id must be one of this legal entity's (not rejected) monthly invoices.",
                            Map.of("field", "invoice_id")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("invoice_id", "invoice_id must be a UUID.");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_field", message, Map.of("field", field));
    }
}
