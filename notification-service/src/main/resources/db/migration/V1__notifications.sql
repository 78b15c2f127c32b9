-- Every mail the service was asked to send, written in the same transaction as the inbox's processed-event
-- record of the event that asked for it, and its delivery: status, attempts, the last error.
CREATE TABLE notification (
    id               UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    kind             VARCHAR(64)  NOT NULL,
    recipient        VARCHAR(320) NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    subject          TEXT         NOT NULL,
    -- The rendered mail. It holds the secret the mail carries (activation or reset link, download link), so
    -- it is kept only until the mail is sent or given up, then set to NULL.
    html_body        TEXT,
    text_body        TEXT,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    last_error       TEXT,
    -- When a sender may (next) take it. While a sender holds it, the end of that sender's lease.
    next_attempt_at  TIMESTAMPTZ,
    -- The pass of the sender that holds it; only that pass may record the outcome.
    claimed_by       UUID,
    last_attempt_at  TIMESTAMPTZ,
    event_id         TEXT         NOT NULL,
    event_type       TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    sent_at          TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ,
    CONSTRAINT notification_status CHECK (status IN ('pending', 'sent', 'failed')),
    -- Beside processed_event, a second guard against mailing one event twice.
    CONSTRAINT notification_once_per_event UNIQUE (event_id, kind, recipient)
);

-- What the senders look for.
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending';
-- The operator API's order (newest first) and its common filters.
CREATE INDEX notification_newest ON notification (created_at DESC, id DESC);
CREATE INDEX notification_by_recipient ON notification (lower(recipient), created_at DESC, id DESC);
CREATE INDEX notification_by_status ON notification (status, created_at DESC, id DESC);
