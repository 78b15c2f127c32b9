package com.partnersportal.identity.audit;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.caller.Caller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: a merchant's own at {@code /portal}, the whole platform's for operators. Newest first, cursor-paged. */
@RestController
class AuditLogController {

    private final AuditLogQuery query;

    AuditLogController(AuditLogQuery query) {
        this.query = query;
    }

    @GetMapping("/portal/v1/audit-log")
    AuditLogPage merchantLog(Caller caller, @RequestParam(required = false) String action,
            @RequestParam(name = "actor", required = false) String actorId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        caller.require(Permission.AUDIT_VIEW);
        return query.page(new AuditLogQuery.Filter(caller.requireMerchant(), false, action, actorId, from, to),
                cursor, limit);
    }

    @GetMapping("/operator/v1/audit-log")
    AuditLogPage operatorLog(Caller caller, @RequestParam(name = "merchant_id", required = false) UUID merchantId,
            @RequestParam(required = false) String action,
            @RequestParam(name = "actor", required = false) String actorId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        caller.require(Permission.OPERATOR);
        return query.page(new AuditLogQuery.Filter(merchantId, merchantId == null, action, actorId, from, to),
                cursor, limit);
    }
}
