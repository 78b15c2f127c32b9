-- Merchants' webhook endpoints, their signing secrets, the messages made for them from order events and every
-- delivery attempt. Messages and attempts are written before anything is sent, so nothing is lost in a restart.

CREATE TABLE webhook_endpoint (
    id                    UUID PRIMARY KEY,
    merchant_id           UUID         NOT NULL,
    url                   VARCHAR(255) NOT NULL,
    description           VARCHAR(500),
    event_types           TEXT[]       NOT NULL,
    headers               JSONB        NOT NULL DEFAULT '{}',
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    disabled_reason       VARCHAR(32),
    disabled_at           TIMESTAMPTZ,
    rate_limit            INT,
    max_concurrency       INT,
    failing_since         TIMESTAMPTZ,
    last_success_at       TIMESTAMPTZ,
    last_error            VARCHAR(500),
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    deleted_at            TIMESTAMPTZ
);

-- The same URL twice for one merchant is Tamara's webhook_already_registered.
CREATE UNIQUE INDEX webhook_endpoint_url ON webhook_endpoint (merchant_id, url) WHERE deleted_at IS NULL;
CREATE INDEX webhook_endpoint_merchant ON webhook_endpoint (merchant_id) WHERE deleted_at IS NULL;

-- Signing secrets, encrypted (AES-GCM). The newest signs; a rotated one keeps signing until expires_at.
CREATE TABLE endpoint_secret (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id  UUID        NOT NULL REFERENCES webhook_endpoint (id),
    secret       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ
);

CREATE INDEX endpoint_secret_endpoint ON endpoint_secret (endpoint_id, id);

-- Tamara's notification token per merchant (the key of the tamaraToken JWT), encrypted.
CREATE TABLE merchant_notification_token (
    merchant_id  UUID PRIMARY KEY,
    token        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- One message per event and subscribed endpoint. order_key groups what must go out in order (an order's
-- messages; a test message is its own group); seq is the order of arrival.
CREATE TABLE webhook_message (
    id               UUID PRIMARY KEY,
    seq              BIGINT GENERATED ALWAYS AS IDENTITY,
    endpoint_id      UUID         NOT NULL REFERENCES webhook_endpoint (id),
    merchant_id      UUID         NOT NULL,
    event_id         VARCHAR(100) NOT NULL,
    event_type       VARCHAR(40)  NOT NULL,
    order_id         UUID,
    order_key        VARCHAR(64)  NOT NULL,
    payload          TEXT         NOT NULL,
    test             BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    claimed_until    TIMESTAMPTZ,
    claimed_by       VARCHAR(64),
    occurred_at      TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    last_status      INT,
    last_error       VARCHAR(500),
    CONSTRAINT webhook_message_once UNIQUE (endpoint_id, event_id),
    CONSTRAINT webhook_message_status CHECK (status IN ('pending', 'delivered', 'failed'))
);

-- The claim query's heads: per endpoint and order, the oldest pending message.
CREATE INDEX webhook_message_pending ON webhook_message (endpoint_id, order_key, seq) WHERE status = 'pending';
CREATE INDEX webhook_message_due ON webhook_message (next_attempt_at) WHERE status = 'pending';
-- The delivery log: by endpoint and time, by order.
CREATE INDEX webhook_message_log ON webhook_message (merchant_id, created_at DESC, id);
CREATE INDEX webhook_message_endpoint_log ON webhook_message (endpoint_id, created_at DESC);
CREATE INDEX webhook_message_order ON webhook_message (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX webhook_message_finished ON webhook_message (finished_at) WHERE status <> 'pending';

CREATE TABLE webhook_attempt (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       UUID         NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    endpoint_id      UUID         NOT NULL,
    attempt_number   INT          NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    latency_ms       INT          NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    url              TEXT         NOT NULL,
    request_headers  JSONB        NOT NULL,
    response_status  INT,
    response_body    VARCHAR(2048),
    error            VARCHAR(500)
);

CREATE INDEX webhook_attempt_message ON webhook_attempt (message_id, id);
CREATE INDEX webhook_attempt_endpoint ON webhook_attempt (endpoint_id, started_at DESC);
CREATE INDEX webhook_attempt_started ON webhook_attempt (started_at);
