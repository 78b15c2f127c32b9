package com.partnersportal.kit.caller;

import com.partnersportal.identity.contract.Permission;
import com.partnersportal.kit.problem.ApiProblem;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Who is calling, as established by {@link CallerResolver} from the request's credentials: a signed-in portal
 * user (access token), a merchant system (API token) or one of the provider's operators. Every query is scoped
 * by {@link #merchantId()}, never by a merchant id in the request. Declare it as a controller method parameter.
 *
 * @param actorId       the user id, or the API token id: who the audit trail and the events name
 * @param legalEntities the legal entities a user is limited to; empty means all of the merchant's
 */
public record Caller(Kind kind, UUID merchantId, String actorId, Set<Permission> permissions, Set<UUID> legalEntities,
        String email, String name, String locale) {

    /** What a merchant's own systems may do with an API token: Tamara's merchant API. */
    public static final Set<Permission> MERCHANT_API = Set.copyOf(EnumSet.of(Permission.ORDERS_VIEW,
            Permission.ORDERS_CAPTURE, Permission.ORDERS_REFUND, Permission.ORDERS_CANCEL, Permission.WEBHOOKS_MANAGE));

    public enum Kind {
        USER("user"),
        API_TOKEN("api_token"),
        OPERATOR("operator");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** As events and audit records name the actor's type. */
        public String wireName() {
            return wireName;
        }
    }

    public Caller {
        permissions = Set.copyOf(permissions);
        legalEntities = Set.copyOf(legalEntities);
    }

    /** A merchant system calling with an API token; {@code name} is the token's, as the merchant named it. */
    static Caller apiToken(UUID merchantId, UUID tokenId, String name) {
        return new Caller(Kind.API_TOKEN, merchantId, tokenId == null ? "unknown" : tokenId.toString(), MERCHANT_API,
                Set.of(), null, name, null);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Refuses with a 403 problem unless the caller holds the permission. */
    public Caller require(Permission permission) {
        if (!can(permission)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                    "Your role does not allow this (needs '%s').".formatted(permission.code()),
                    Map.of("permission", permission.code()));
        }
        return this;
    }

    /** Refuses with a 403 problem unless the caller is a merchant system with an API token (Tamara's merchant API). */
    public Caller requireApiToken() {
        return requireKind(Kind.API_TOKEN);
    }

    /** Refuses with a 403 problem unless the caller is a signed-in portal user holding the permission. */
    public Caller requireUser(Permission permission) {
        return requireKind(Kind.USER).require(permission);
    }

    /** Refuses with a 403 problem unless the caller is of this kind. */
    public Caller requireKind(Kind required) {
        if (kind == required) {
            return this;
        }
        throw switch (required) {
            case API_TOKEN -> new ApiProblem(HttpStatus.FORBIDDEN, "api_token_required",
                    "This is Tamara's merchant API: call it with the merchant's API token.");
            case USER -> new ApiProblem(HttpStatus.FORBIDDEN, "user_token_required",
                    "This is the portal's API: call it with a signed-in user's access token.");
            case OPERATOR -> new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                    "Your role does not allow this (needs 'operator').", Map.of("permission", Permission.OPERATOR.code()));
        };
    }

    /** Whether the caller may see what belongs to this legal entity. */
    public boolean sees(UUID legalEntityId) {
        return legalEntities.isEmpty() || legalEntities.contains(legalEntityId);
    }

    /** The merchant the caller acts for; operators act for none and get a 403 problem. */
    public UUID requireMerchant() {
        if (merchantId == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "This is a merchant's function; operators have none.");
        }
        return merchantId;
    }
}
