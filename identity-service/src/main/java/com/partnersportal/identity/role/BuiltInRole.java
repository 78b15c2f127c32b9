package com.partnersportal.identity.role;

import static com.partnersportal.identity.contract.Permission.API_TOKENS_MANAGE;
import static com.partnersportal.identity.contract.Permission.AUDIT_VIEW;
import static com.partnersportal.identity.contract.Permission.INVOICES_EXPORT;
import static com.partnersportal.identity.contract.Permission.INVOICES_VIEW;
import static com.partnersportal.identity.contract.Permission.OPERATOR;
import static com.partnersportal.identity.contract.Permission.ORDERS_CANCEL;
import static com.partnersportal.identity.contract.Permission.ORDERS_CAPTURE;
import static com.partnersportal.identity.contract.Permission.ORDERS_EXPORT;
import static com.partnersportal.identity.contract.Permission.ORDERS_REFUND;
import static com.partnersportal.identity.contract.Permission.ORDERS_VIEW;
import static com.partnersportal.identity.contract.Permission.SETTLEMENTS_VIEW;
import static com.partnersportal.identity.contract.Permission.WEBHOOKS_MANAGE;

import com.partnersportal.identity.contract.Permission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The roles every merchant has (docs/identity.md has the table), and the provider's own operator role. */
public enum BuiltInRole {
    ADMIN("admin", "Admin", "Everything in the portal, including the team, roles and API tokens.",
            EnumSet.complementOf(EnumSet.of(OPERATOR))),
    FINANCE("finance", "Finance", "Orders, settlements and tax invoices: view and export; the audit log.",
            EnumSet.of(ORDERS_VIEW, ORDERS_EXPORT, SETTLEMENTS_VIEW, INVOICES_VIEW, INVOICES_EXPORT, AUDIT_VIEW)),
    OPERATIONS("operations", "Operations", "Orders: view, capture, refund, cancel and export.",
            EnumSet.of(ORDERS_VIEW, ORDERS_CAPTURE, ORDERS_REFUND, ORDERS_CANCEL, ORDERS_EXPORT)),
    DEVELOPER("developer", "Developer", "Orders (view), webhooks and API tokens.",
            EnumSet.of(ORDERS_VIEW, WEBHOOKS_MANAGE, API_TOKENS_MANAGE)),
    VIEWER("viewer", "Viewer", "Orders, settlements and tax invoices, read only.",
            EnumSet.of(ORDERS_VIEW, SETTLEMENTS_VIEW, INVOICES_VIEW)),
    /** The provider's staff; never a merchant's. */
    OPERATOR_ROLE("operator", "Operator", "The provider's own staff.", EnumSet.of(OPERATOR));

    private final String key;
    private final String displayName;
    private final String description;
    private final Set<Permission> permissions;

    BuiltInRole(String key, String displayName, String description, Set<Permission> permissions) {
        this.key = key;
        this.displayName = displayName;
        this.description = description;
        this.permissions = Set.copyOf(permissions);
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether a merchant's user may hold it (every built-in role but the operator's). */
    public boolean forMerchants() {
        return this != OPERATOR_ROLE;
    }

    public static Optional<BuiltInRole> ofKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }

    /** Whether a custom role's name would be mistaken for a built-in one (case and spaces ignored). */
    static boolean clashes(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).anyMatch(role -> role.key.equals(normalized)
                || role.displayName.toLowerCase(Locale.ROOT).equals(normalized));
    }
}
