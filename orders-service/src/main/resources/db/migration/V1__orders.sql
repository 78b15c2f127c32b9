CREATE TABLE orders (
    id                  UUID PRIMARY KEY,
    merchant_id         UUID           NOT NULL,
    checkout_id         UUID           NOT NULL UNIQUE,
    order_reference_id  VARCHAR(255)   NOT NULL,
    order_number        VARCHAR(255)   NOT NULL,
    status              VARCHAR(32)    NOT NULL,
    currency            CHAR(3)        NOT NULL,
    total_amount        NUMERIC(18, 3) NOT NULL CHECK (total_amount >= 0),
    tax_amount          NUMERIC(18, 3) NOT NULL CHECK (tax_amount >= 0),
    shipping_amount     NUMERIC(18, 3) NOT NULL CHECK (shipping_amount >= 0),
    discount_amount     NUMERIC(18, 3) NOT NULL CHECK (discount_amount >= 0),
    country_code        CHAR(2)        NOT NULL,
    locale              VARCHAR(16),
    description         VARCHAR(1024),
    consumer_email      VARCHAR(320)   NOT NULL,
    consumer_phone      VARCHAR(32)    NOT NULL,
    consumer_first_name VARCHAR(255)   NOT NULL,
    consumer_last_name  VARCHAR(255)   NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL
);

-- Merchants look orders up by their own reference; every query is scoped by merchant.
CREATE INDEX orders_merchant_reference ON orders (merchant_id, order_reference_id);
CREATE INDEX orders_merchant_created ON orders (merchant_id, created_at DESC, id);

CREATE TABLE order_item (
    order_id        UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position        INT            NOT NULL,
    reference_id    VARCHAR(255)   NOT NULL,
    type            VARCHAR(255)   NOT NULL,
    name            VARCHAR(1024)  NOT NULL,
    sku             VARCHAR(255)   NOT NULL,
    quantity        INT            NOT NULL CHECK (quantity > 0),
    total_amount    NUMERIC(18, 3) NOT NULL CHECK (total_amount >= 0),
    PRIMARY KEY (order_id, position)
);
