package com.partnersportal.identity.merchant;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Authorize;
import com.partnersportal.kit.caller.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The provider's operators register merchants and their legal entities. */
@RestController
class OperatorMerchantsController {

    /** Single-line text: no control characters (no line breaks, no NULs). */
    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    static final String HAS_ARABIC = "[^\\p{Cntrl}]*\\p{IsArabic}[^\\p{Cntrl}]*";

    private final Merchants merchants;
    private final MerchantDirectory directory;

    OperatorMerchantsController(Merchants merchants, MerchantDirectory directory) {
        this.merchants = merchants;
        this.directory = directory;
    }

    record RegisterMerchantRequest(
            @NotBlank @Size(max = 255) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String nameEn,
            @NotBlank @Size(max = 255) @Pattern(regexp = HAS_ARABIC, message = "must be a single line in Arabic")
            String nameAr) {
    }

    record MerchantResponse(UUID id, String nameEn, String nameAr, Instant createdAt,
            List<LegalEntityResponse> legalEntities) {
    }

    record MerchantSummary(UUID id, String nameEn, String nameAr, Instant createdAt) {
    }

    record MerchantsPage(List<MerchantSummary> merchants, String nextCursor) {
    }

    record RegisterLegalEntityRequest(
            @NotBlank @Size(max = 255) @Pattern(regexp = SINGLE_LINE, message = "must be a single line")
            String legalNameEn,
            @NotBlank @Size(max = 255) @Pattern(regexp = HAS_ARABIC, message = "must be a single line in Arabic")
            String legalNameAr,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String countryCode,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotBlank @Size(max = 64) String commercialRegistration,
            @Size(max = 32) String vatNumber,
            @NotBlank @Size(max = 1024) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String address,
            @Size(max = 64) String timeZone) {

        Merchants.NewLegalEntity toNew() {
            return new Merchants.NewLegalEntity(legalNameEn, legalNameAr, countryCode, currency,
                    commercialRegistration, vatNumber, address, timeZone);
        }
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    MerchantResponse register(Caller caller, @Valid @RequestBody RegisterMerchantRequest request) {
        caller.require(Permission.OPERATOR);
        Merchant merchant = merchants.register(Actor.of(caller), UUID.randomUUID(), request.nameEn(), request.nameAr());
        return new MerchantResponse(merchant.id(), merchant.nameEn(), merchant.nameAr(), merchant.createdAt(), List.of());
    }

    @GetMapping("/operator/v1/merchants")
    MerchantsPage list(Caller caller, @RequestParam(required = false) @Size(max = 255) String search,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        caller.require(Permission.OPERATOR);
        MerchantDirectory.Page page = directory.list(search, cursor, limit);
        return new MerchantsPage(page.merchants().stream()
                .map(m -> new MerchantSummary(m.id(), m.nameEn(), m.nameAr(), m.createdAt())).toList(), page.nextCursor());
    }

    @GetMapping("/operator/v1/merchants/{id}")
    MerchantResponse get(Caller caller, @PathVariable UUID id) {
        caller.require(Permission.OPERATOR);
        Merchant merchant = merchants.find(id).orElseThrow(Merchants::merchantNotFound);
        return new MerchantResponse(merchant.id(), merchant.nameEn(), merchant.nameAr(), merchant.createdAt(),
                merchants.legalEntitiesOf(id).stream().map(LegalEntityResponse::of).toList());
    }

    @Authorize(permissions = Permission.OPERATOR)
    @PostMapping("/operator/v1/merchants/{id}/legal-entities")
    @ResponseStatus(HttpStatus.CREATED)
    LegalEntityResponse addLegalEntity(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody RegisterLegalEntityRequest request) {
        caller.require(Permission.OPERATOR);
        return LegalEntityResponse.of(merchants.addLegalEntity(Actor.of(caller), id, UUID.randomUUID(), request.toNew()));
    }
}
