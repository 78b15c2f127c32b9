package com.partnersportal.identity.demo;

import java.util.List;
import java.util.UUID;

/** What the demo seed writes for people and scripts: the merchant, its entities and working credentials. */
record DemoCredentials(String environment, Merchant merchant, List<Entity> legalEntities, Admin admin,
        Operator operator, ApiToken apiToken) {

    record Merchant(UUID id, String name) {
    }

    record Entity(UUID id, String legalName, String countryCode, String currency) {
    }

    record Admin(UUID userId, String email, String password) {
    }

    /** The provider's demo operator: registers merchants, rotates signing keys. */
    record Operator(UUID userId, String email, String password) {
    }

    record ApiToken(UUID id, String token) {
    }
}
