package com.partnersportal.identity.merchant;

import com.partnersportal.kit.caller.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's users read their own merchant's legal entities (those they are limited to, if they are). */
@RestController
class LegalEntitiesController {

    private final Merchants merchants;

    LegalEntitiesController(Merchants merchants) {
        this.merchants = merchants;
    }

    record LegalEntitiesResponse(List<LegalEntityResponse> legalEntities) {
    }

    @GetMapping("/portal/v1/legal-entities")
    LegalEntitiesResponse list(Caller caller) {
        return new LegalEntitiesResponse(merchants.legalEntitiesOf(caller.requireMerchant()).stream()
                .filter(entity -> caller.sees(entity.id())).map(LegalEntityResponse::of).toList());
    }
}
