package com.partnersportal.gateway.route;

import static com.partnersportal.gateway.route.Access.merchantApi;
import static com.partnersportal.gateway.route.Access.open;
import static com.partnersportal.gateway.route.Access.operator;
import static com.partnersportal.gateway.route.Access.permission;
import static com.partnersportal.gateway.route.Access.signedIn;
import static com.partnersportal.gateway.route.RateClass.SIGN_IN;
import static com.partnersportal.gateway.route.RateClass.STANDARD;
import static com.partnersportal.gateway.route.Upstream.IDENTITY;
import static com.partnersportal.gateway.route.Upstream.NOTIFICATION;
import static com.partnersportal.gateway.route.Upstream.ORDERS;
import static com.partnersportal.gateway.route.Upstream.SETTLEMENT;
import static com.partnersportal.gateway.route.Upstream.WEBHOOKS;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.partnersportal.identity.contract.Permission;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Every route of the gateway and the permission it needs: the one table, mirrored in docs/gateway.md (a test
 * keeps the two in step). The first matching line wins, so specific paths come before the general ones. Nothing
 * else is routed: {@code /internal/**} and the services' actuators stay unreachable from outside.
 */
public final class RouteTable {

    public static final List<GatewayRoute> ROUTES = List.of(
            // identity-service: signing in, activation and password reset (the mailed links' pages are the portal app's:
            // gateway.web.PortalWebRoutes), keys
            route("sign-in", IDENTITY, POST, "/auth/v1/sign-in", open(), SIGN_IN),
            route("sign-in-second-step", IDENTITY, POST, "/auth/v1/sign-in/**", open(), SIGN_IN),
            route("refresh", IDENTITY, POST, "/auth/v1/refresh", open(), SIGN_IN),
            route("sign-out", IDENTITY, POST, "/auth/v1/sign-out", open(), STANDARD),
            route("activation", IDENTITY, null, "/auth/v1/activation", open(), SIGN_IN),
            route("password-reset", IDENTITY, null, "/auth/v1/password-reset/**", open(), SIGN_IN),
            route("jwks", IDENTITY, GET, "/.well-known/jwks.json", open(), STANDARD),
            // identity-service: the team, roles, API tokens, audit log, security settings and the user's own security section
            route("users", IDENTITY, null, "/portal/v1/users/**", permission(Permission.USERS_MANAGE), STANDARD),
            route("roles", IDENTITY, null, "/portal/v1/roles/**", permission(Permission.USERS_MANAGE), STANDARD),
            route("permissions", IDENTITY, GET, "/portal/v1/permissions", permission(Permission.USERS_MANAGE), STANDARD),
            route("api-tokens", IDENTITY, null, "/portal/v1/api-tokens/**", permission(Permission.API_TOKENS_MANAGE), STANDARD),
            route("audit-log", IDENTITY, GET, "/portal/v1/audit-log/**", permission(Permission.AUDIT_VIEW), STANDARD),
            route("legal-entities", IDENTITY, GET, "/portal/v1/legal-entities/**", signedIn(), STANDARD),
            route("security-settings", IDENTITY, null, "/portal/v1/security-settings", permission(Permission.USERS_MANAGE), STANDARD),
            route("my-security", IDENTITY, null, "/portal/v1/me/**", signedIn(), STANDARD),
            // orders-service: Tamara's merchant API
            route("merchant-checkout", ORDERS, POST, "/checkout", merchantApi(), STANDARD),
            route("merchant-orders", ORDERS, null, "/orders/**", merchantApi(), STANDARD),
            route("merchant-payments", ORDERS, null, "/payments/**", merchantApi(), STANDARD),
            route("merchant-order-lookup", ORDERS, GET, "/merchants/orders/**", merchantApi(), STANDARD),
            // orders-service: the portal's order pages and exports
            route("order-captures", ORDERS, POST, "/portal/v1/orders/*/captures", permission(Permission.ORDERS_CAPTURE), STANDARD),
            route("order-refunds", ORDERS, POST, "/portal/v1/orders/*/refunds", permission(Permission.ORDERS_REFUND), STANDARD),
            route("order-cancels", ORDERS, POST, "/portal/v1/orders/*/cancels", permission(Permission.ORDERS_CANCEL), STANDARD),
            route("orders", ORDERS, GET, "/portal/v1/orders/**", permission(Permission.ORDERS_VIEW), STANDARD),
            route("order-exports", ORDERS, null, "/portal/v1/order-exports/**", permission(Permission.ORDERS_EXPORT), STANDARD),
            route("order-export-downloads", ORDERS, GET, "/downloads/order-exports/**", open(), STANDARD),
            // orders-service, sandbox only (production has no such endpoint): the consumer's side of the sandbox
            // checkout page, guarded by the per-order token in the checkout_url
            route("sandbox-checkout", ORDERS, null, "/sandbox/checkout/**", open(), STANDARD),
            // settlement-service: reports, settlement info, tax invoices
            route("settlements", SETTLEMENT, GET, "/portal/v1/settlements/**", permission(Permission.SETTLEMENTS_VIEW), STANDARD),
            route("invoice-export", SETTLEMENT, GET, "/portal/v1/invoices/export", permission(Permission.INVOICES_EXPORT), STANDARD),
            route("invoices", SETTLEMENT, GET, "/portal/v1/invoices/**", permission(Permission.INVOICES_VIEW), STANDARD),
            route("settlement-downloads", SETTLEMENT, GET, "/downloads/settlement/**", open(), STANDARD),
            // webhook-dispatcher: Tamara's webhook paths and the portal's webhook pages
            route("merchant-webhooks", WEBHOOKS, null, "/webhooks/**", merchantApi(), STANDARD),
            route("webhooks", WEBHOOKS, null, "/portal/v1/webhooks/**", permission(Permission.WEBHOOKS_MANAGE), STANDARD),
            // the provider's operators
            route("operator-order-settings", ORDERS, null, "/operator/v1/merchants/*/order-settings", operator(), STANDARD),
            route("operator-merchants", IDENTITY, null, "/operator/v1/merchants/**", operator(), STANDARD),
            route("operator-signing-keys", IDENTITY, null, "/operator/v1/signing-keys/**", operator(), STANDARD),
            route("operator-audit-log", IDENTITY, GET, "/operator/v1/audit-log/**", operator(), STANDARD),
            route("operator-settlements", SETTLEMENT, null, "/operator/v1/settlement/**", operator(), STANDARD),
            route("operator-notifications", NOTIFICATION, GET, "/operator/v1/notifications/**", operator(), STANDARD));

    private RouteTable() {
    }

    private static GatewayRoute route(String id, Upstream upstream, HttpMethod method, String path, Access access,
            RateClass rateClass) {
        return new GatewayRoute(id, upstream, method, path, access, rateClass);
    }
}
