-- Who acted, by name, for the portal's order timeline: a user's name (from their access token) or an API token's name
-- (from identity's introspection), as last seen acting on an order. Written after an action succeeded; the money
-- logic never reads it.
CREATE TABLE actor_name (
    merchant_id UUID         NOT NULL,
    actor_type  VARCHAR(16)  NOT NULL,
    actor_id    VARCHAR(64)  NOT NULL,
    name        VARCHAR(320) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (merchant_id, actor_type, actor_id)
);
