-- Events whose mail goes to everyone at a merchant who holds a permission (and may see a legal entity), written in
-- the same transaction as the inbox's processed-event record, until identity-service has named the recipients and
-- one notification per recipient is recorded. Retried while identity-service is unavailable.
CREATE TABLE recipient_lookup (
    id               UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id         TEXT         NOT NULL,
    event_type       TEXT         NOT NULL,
    subject          TEXT,
    merchant_id      UUID         NOT NULL,
    permission       VARCHAR(64)  NOT NULL,
    legal_entity_id  UUID,
    -- The event's payload (JSON), from which each recipient's mail is built. It carries signed download links, so
    -- it is set to NULL once the lookup is resolved. A given-up lookup keeps it, to be set back to pending.
    payload          BYTEA,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ,
    recipients       INT,
    created_at       TIMESTAMPTZ  NOT NULL,
    resolved_at      TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ,
    CONSTRAINT recipient_lookup_status CHECK (status IN ('pending', 'resolved', 'failed')),
    -- Beside processed_event, a second guard against mailing one event's audience twice.
    CONSTRAINT recipient_lookup_once_per_event UNIQUE (event_id)
);

CREATE INDEX recipient_lookup_due ON recipient_lookup (next_attempt_at) WHERE status = 'pending';
