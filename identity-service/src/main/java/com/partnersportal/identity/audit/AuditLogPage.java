package com.partnersportal.identity.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One page of the audit log, newest first; {@code next_cursor} fetches the next (older) page, null at the end. */
record AuditLogPage(List<Entry> entries, String nextCursor) {

    record Entry(UUID id, String action, Actor actor, Target target, String clientAddress, JsonNode before,
            JsonNode after, Instant occurredAt) {
    }

    record Target(String type, String id) {
    }
}
