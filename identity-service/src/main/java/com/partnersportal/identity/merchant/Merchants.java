package com.partnersportal.identity.merchant;

import com.partnersportal.identity.audit.Actor;
import com.partnersportal.identity.audit.AuditAction;
import com.partnersportal.identity.audit.AuditLog;
import com.partnersportal.identity.contract.IdentityTopics;
import com.partnersportal.identity.contract.LegalEntityRegistered;
import com.partnersportal.identity.contract.MerchantRegistered;
import com.partnersportal.kit.outbox.Outbox;
import com.partnersportal.kit.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers merchants and their legal entities, announcing each on {@link IdentityTopics#MERCHANT_EVENTS} (keyed by
 * merchant id) in the same transaction, so that settlement and orders keep their own copy.
 */
@Service
public class Merchants {

    private final MerchantRepository merchants;
    private final LegalEntityRepository entities;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Merchants(MerchantRepository merchants, LegalEntityRepository entities, Outbox outbox, AuditLog audit, Clock clock) {
        this.merchants = merchants;
        this.entities = entities;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewLegalEntity(String legalNameEn, String legalNameAr, String countryCode, String currency,
            String commercialRegistration, String vatNumber, String address, String timeZone) {
    }

    @Transactional
    public Merchant register(Actor actor, UUID id, String nameEn, String nameAr) {
        Merchant merchant = merchants.save(new Merchant(id, nameEn.strip(), nameAr.strip(), clock.instant(), null));
        outbox.append(IdentityTopics.MERCHANT_EVENTS, merchant.id().toString(), MerchantRegistered.TYPE,
                merchant.id().toString(),
                new MerchantRegistered(merchant.id(), merchant.nameEn(), merchant.nameAr(), merchant.createdAt()));
        audit.record(actor, merchant.id(), AuditAction.MERCHANT_REGISTERED, "merchant", merchant.id(), null,
                Map.of("name_en", merchant.nameEn(), "name_ar", merchant.nameAr()));
        return merchant;
    }

    @Transactional
    public LegalEntity addLegalEntity(Actor actor, UUID merchantId, UUID entityId, NewLegalEntity request) {
        Merchant merchant = merchants.findById(merchantId).orElseThrow(Merchants::merchantNotFound);
        LegalEntityRules.Checked checked = LegalEntityRules.check(request.countryCode(), request.currency(),
                request.timeZone(), request.commercialRegistration(), request.vatNumber());
        Instant now = clock.instant();
        LegalEntity entity;
        try {
            entity = entities.save(new LegalEntity(entityId, merchant.id(), request.legalNameEn().strip(),
                    request.legalNameAr().strip(), checked.countryCode(), checked.currency().name(),
                    checked.commercialRegistration(), checked.vatNumber(), request.address().strip(),
                    checked.timeZone(), now, null));
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "legal_entity_already_registered",
                    "A legal entity with commercial registration %s in %s is registered already."
                            .formatted(checked.commercialRegistration(), checked.countryCode()));
        }
        outbox.append(IdentityTopics.MERCHANT_EVENTS, merchant.id().toString(), LegalEntityRegistered.TYPE,
                entity.id().toString(), registered(entity));
        audit.record(actor, merchant.id(), AuditAction.LEGAL_ENTITY_REGISTERED, "legal_entity", entity.id(), null,
                registered(entity));
        return entity;
    }

    @Transactional(readOnly = true)
    public Optional<Merchant> find(UUID merchantId) {
        return merchants.findById(merchantId);
    }

    @Transactional(readOnly = true)
    public List<LegalEntity> legalEntitiesOf(UUID merchantId) {
        return entities.findByMerchantIdOrderByCreatedAtAscIdAsc(merchantId);
    }

    /** Takes the merchant's lock for the rest of the transaction (see {@link MerchantRepository#lockById}). */
    @Transactional
    public Merchant lock(UUID merchantId) {
        return merchants.lockById(merchantId).orElseThrow(Merchants::merchantNotFound);
    }

    static ApiProblem merchantNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "merchant_not_found", "There is no such merchant.");
    }

    private static LegalEntityRegistered registered(LegalEntity entity) {
        return new LegalEntityRegistered(entity.id(), entity.merchantId(), entity.legalNameEn(), entity.legalNameAr(),
                entity.countryCode(), entity.currency(), entity.commercialRegistration(), entity.vatNumber(),
                entity.address(), entity.timeZone(), entity.createdAt());
    }
}
