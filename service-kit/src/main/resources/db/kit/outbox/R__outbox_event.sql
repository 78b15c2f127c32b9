-- Transactional outbox (service-kit). An event is written here in the same transaction as the state
-- change it describes; OutboxRelay publishes it to Kafka afterwards and stamps published_at.
CREATE TABLE IF NOT EXISTS outbox_event (
    position      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    message_key   TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    payload       BYTEA       NOT NULL,
    traceparent   TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT
);

CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Columns added after the table first shipped: tables created earlier gain them here.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent TEXT;
