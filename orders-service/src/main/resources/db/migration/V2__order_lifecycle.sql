-- The whole order lifecycle: amounts kept in step with the captures, refunds and cancels recorded in the same
-- transaction (under the order's row lock), the timers, addresses, the timeline, idempotency records,
-- the merchant's legal entities and order settings, and CSV exports.

ALTER TABLE orders RENAME COLUMN consumer_phone TO consumer_phone_number;

ALTER TABLE orders
    ADD COLUMN legal_entity_id       UUID,
    ADD COLUMN payment_type          VARCHAR(32)    NOT NULL DEFAULT 'PAY_BY_INSTALMENTS',
    ADD COLUMN instalments           INT,
    ADD COLUMN discount_name         VARCHAR(255),
    ADD COLUMN captured_amount       NUMERIC(18, 3) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_amount       NUMERIC(18, 3) NOT NULL DEFAULT 0,
    ADD COLUMN canceled_amount       NUMERIC(18, 3) NOT NULL DEFAULT 0,
    ADD COLUMN expires_at            TIMESTAMPTZ,
    ADD COLUMN auto_capture_at       TIMESTAMPTZ,
    ADD COLUMN authorised_at         TIMESTAMPTZ,
    ADD COLUMN shipping_first_name   VARCHAR(255),
    ADD COLUMN shipping_last_name    VARCHAR(255),
    ADD COLUMN shipping_line1        VARCHAR(1024),
    ADD COLUMN shipping_line2        VARCHAR(1024),
    ADD COLUMN shipping_region       VARCHAR(255),
    ADD COLUMN shipping_city         VARCHAR(255),
    ADD COLUMN shipping_country_code CHAR(2),
    ADD COLUMN shipping_phone_number VARCHAR(32),
    ADD COLUMN billing_first_name    VARCHAR(255),
    ADD COLUMN billing_last_name     VARCHAR(255),
    ADD COLUMN billing_line1         VARCHAR(1024),
    ADD COLUMN billing_line2         VARCHAR(1024),
    ADD COLUMN billing_region        VARCHAR(255),
    ADD COLUMN billing_city          VARCHAR(255),
    ADD COLUMN billing_country_code  CHAR(2),
    ADD COLUMN billing_phone_number  VARCHAR(32),
    ADD COLUMN merchant_url_success      VARCHAR(2048),
    ADD COLUMN merchant_url_failure      VARCHAR(2048),
    ADD COLUMN merchant_url_cancel       VARCHAR(2048),
    ADD COLUMN merchant_url_notification VARCHAR(2048);

-- The last line of defence for money: whatever the code does, the database refuses to capture more than
-- remains, to refund more than was captured, or to go negative.
ALTER TABLE orders ADD CONSTRAINT orders_money_invariants CHECK (
    captured_amount >= 0 AND refunded_amount >= 0 AND canceled_amount >= 0
    AND captured_amount + canceled_amount <= total_amount
    AND refunded_amount <= captured_amount);

CREATE INDEX orders_merchant_order_number ON orders (merchant_id, order_number);
CREATE INDEX orders_merchant_updated ON orders (merchant_id, updated_at DESC, id);
-- Timers: each partial index holds only the orders waiting on that timer.
CREATE INDEX orders_expiry_due ON orders (expires_at) WHERE status IN ('NEW', 'APPROVED');
CREATE INDEX orders_auto_capture_due ON orders (auto_capture_at) WHERE status IN ('AUTHORISED', 'UPDATED');

CREATE TABLE order_capture (
    id                UUID PRIMARY KEY,
    order_id          UUID           NOT NULL REFERENCES orders (id),
    amount            NUMERIC(18, 3) NOT NULL CHECK (amount > 0),
    refunded_amount   NUMERIC(18, 3) NOT NULL DEFAULT 0,
    tax_amount        NUMERIC(18, 3) NOT NULL DEFAULT 0,
    shipping_amount   NUMERIC(18, 3) NOT NULL DEFAULT 0,
    discount_amount   NUMERIC(18, 3) NOT NULL DEFAULT 0,
    shipped_at        TIMESTAMPTZ,
    shipping_company  VARCHAR(255),
    tracking_number   VARCHAR(255),
    tracking_url      VARCHAR(2048),
    items             TEXT,
    automatic         BOOLEAN        NOT NULL,
    actor_type        VARCHAR(16)    NOT NULL,
    actor_id          VARCHAR(64)    NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL,
    CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE INDEX order_capture_order ON order_capture (order_id, created_at);

CREATE TABLE order_refund (
    id                  UUID PRIMARY KEY,
    order_id            UUID           NOT NULL REFERENCES orders (id),
    capture_id          UUID           NOT NULL REFERENCES order_capture (id),
    amount              NUMERIC(18, 3) NOT NULL CHECK (amount > 0),
    comment             VARCHAR(1024),
    merchant_refund_id  VARCHAR(255),
    actor_type          VARCHAR(16)    NOT NULL,
    actor_id            VARCHAR(64)    NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL
);
CREATE INDEX order_refund_order ON order_refund (order_id, created_at);
CREATE UNIQUE INDEX order_refund_merchant_refund_id ON order_refund (order_id, merchant_refund_id)
    WHERE merchant_refund_id IS NOT NULL;

-- A refund is drawn from the order's captures, oldest first.
CREATE TABLE order_refund_allocation (
    refund_id   UUID           NOT NULL REFERENCES order_refund (id),
    capture_id  UUID           NOT NULL REFERENCES order_capture (id),
    amount      NUMERIC(18, 3) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, capture_id)
);

CREATE TABLE order_cancel (
    id          UUID PRIMARY KEY,
    order_id    UUID           NOT NULL REFERENCES orders (id),
    amount      NUMERIC(18, 3) NOT NULL CHECK (amount > 0),
    items       TEXT,
    actor_type  VARCHAR(16)    NOT NULL,
    actor_id    VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX order_cancel_order ON order_cancel (order_id, created_at);

-- The order's timeline: every change, when, by whom.
CREATE TABLE order_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      UUID           NOT NULL REFERENCES orders (id),
    kind          VARCHAR(32)    NOT NULL,
    from_status   VARCHAR(32),
    to_status     VARCHAR(32)    NOT NULL,
    amount        NUMERIC(18, 3),
    reference_id  VARCHAR(255),
    detail        VARCHAR(1024),
    actor_type    VARCHAR(16)    NOT NULL,
    actor_id      VARCHAR(64)    NOT NULL,
    occurred_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX order_change_order ON order_change (order_id, id);

-- Idempotency-Key: the first answer to a key, replayed for a retry with the same body.
CREATE TABLE idempotency_record (
    merchant_id      UUID         NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    response_status  INT,
    response_body    TEXT,
    locked_until     TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);

-- orders-service's copy of the merchants' legal entities (from identity's merchant events).
CREATE TABLE legal_entity (
    id            UUID PRIMARY KEY,
    merchant_id   UUID         NOT NULL,
    legal_name_en VARCHAR(255) NOT NULL,
    country_code  CHAR(2)      NOT NULL,
    currency      CHAR(3)      NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX legal_entity_merchant_country ON legal_entity (merchant_id, country_code);

-- Per-merchant timers and auto-capture; a merchant without a row gets the defaults.
CREATE TABLE merchant_order_settings (
    merchant_id                UUID PRIMARY KEY,
    new_order_expiry_seconds   BIGINT      NOT NULL CHECK (new_order_expiry_seconds > 0),
    approved_expiry_seconds    BIGINT      NOT NULL CHECK (approved_expiry_seconds > 0),
    auto_capture_after_seconds BIGINT      NOT NULL CHECK (auto_capture_after_seconds > 0),
    auto_capture_on_authorise  BOOLEAN     NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL
);

CREATE TABLE order_export (
    id                UUID PRIMARY KEY,
    merchant_id       UUID          NOT NULL,
    requested_by      VARCHAR(64)   NOT NULL,
    recipient_email   VARCHAR(320),
    recipient_name    VARCHAR(255),
    recipient_locale  VARCHAR(8),
    filters           TEXT          NOT NULL,
    created_from      DATE          NOT NULL,
    created_to        DATE          NOT NULL,
    time_zone         VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    rows_written      BIGINT        NOT NULL DEFAULT 0,
    file_name         VARCHAR(255),
    file_size         BIGINT,
    error             VARCHAR(1024),
    attempts          INT           NOT NULL DEFAULT 0,
    lease_until       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ   NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    version           BIGINT        NOT NULL
);
CREATE INDEX order_export_merchant ON order_export (merchant_id, created_at DESC);
CREATE INDEX order_export_queue ON order_export (created_at) WHERE status IN ('QUEUED', 'RUNNING');
