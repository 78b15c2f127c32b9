-- Settlement's own copy of the orders it will settle: the facts a ledger line names
-- (the merchant's reference, the order number) arrive once, with the order's creation.
CREATE TABLE known_order (
    order_id            UUID           PRIMARY KEY,
    merchant_id         UUID           NOT NULL,
    order_reference_id  VARCHAR(255)   NOT NULL,
    order_number        VARCHAR(255)   NOT NULL,
    currency            CHAR(3)        NOT NULL,
    total_amount        NUMERIC(18, 3) NOT NULL,
    country_code        CHAR(2)        NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL
);

CREATE INDEX known_order_merchant ON known_order (merchant_id, created_at);
