-- Every status an order went through, in the order the events came: the source from which the
-- dispatcher makes webhook messages for the endpoints that subscribe to them.
CREATE TABLE order_status_change (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id            UUID         NOT NULL,
    merchant_id         UUID         NOT NULL,
    order_reference_id  VARCHAR(255) NOT NULL,
    order_number        VARCHAR(255) NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    occurred_at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX order_status_change_order ON order_status_change (order_id, id);
