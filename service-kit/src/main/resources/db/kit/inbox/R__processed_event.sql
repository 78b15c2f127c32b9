-- Idempotent consumers (service-kit). A row per event a consumer has handled, written in the same
-- transaction as the handler's effect: a redelivered event finds its row and changes nothing.
CREATE TABLE IF NOT EXISTS processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    subject       TEXT,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Columns added after the table first shipped: tables created earlier gain them here.
ALTER TABLE processed_event ADD COLUMN IF NOT EXISTS subject TEXT;

-- Lets an operator ask which events about one aggregate (an order, say) a consumer has handled.
CREATE INDEX IF NOT EXISTS processed_event_subject ON processed_event (subject);
