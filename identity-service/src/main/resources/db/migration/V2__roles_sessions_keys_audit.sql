-- Operators (the provider's own staff) are users without a merchant.
ALTER TABLE app_user ALTER COLUMN merchant_id DROP NOT NULL;

-- A merchant's own roles, made of the same permissions as the built-in ones.
CREATE TABLE custom_role (
    id           UUID PRIMARY KEY,
    merchant_id  UUID         NOT NULL REFERENCES merchant (id),
    name         VARCHAR(64)  NOT NULL,
    description  VARCHAR(255),
    created_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE UNIQUE INDEX custom_role_name ON custom_role (merchant_id, lower(name));

CREATE TABLE custom_role_permission (
    custom_role_id  UUID        NOT NULL REFERENCES custom_role (id) ON DELETE CASCADE,
    permission      VARCHAR(64) NOT NULL,
    PRIMARY KEY (custom_role_id, permission)
);

-- A user holds either a built-in role (by its key) or one of the merchant's custom roles.
UPDATE app_user SET role = lower(role);
ALTER TABLE app_user ALTER COLUMN role DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN custom_role_id UUID REFERENCES custom_role (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_one_role CHECK ((role IS NULL) <> (custom_role_id IS NULL));
CREATE INDEX app_user_merchant ON app_user (merchant_id, (lower(email) COLLATE "C"));

-- The legal entities a user is limited to; none means all of the merchant's.
CREATE TABLE app_user_legal_entity (
    app_user_id      UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    legal_entity_id  UUID NOT NULL REFERENCES legal_entity (id),
    PRIMARY KEY (app_user_id, legal_entity_id)
);

CREATE UNIQUE INDEX legal_entity_registration ON legal_entity (country_code, commercial_registration);

-- Single-use secrets mailed to users (activation, password reset), stored only as SHA-256.
CREATE TABLE user_token (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose     VARCHAR(16) NOT NULL,
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    voided_at   TIMESTAMPTZ
);

CREATE INDEX user_token_user ON user_token (user_id, purpose);

-- Rotating refresh tokens: each use replaces the token with a new one of the same family; a token used
-- twice means it was stolen, and the whole family is revoked.
CREATE TABLE refresh_token (
    id                 UUID PRIMARY KEY,
    family_id          UUID        NOT NULL,
    user_id            UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash         CHAR(64)    NOT NULL UNIQUE,
    issued_at          TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    family_expires_at  TIMESTAMPTZ NOT NULL,
    rotated_at         TIMESTAMPTZ,
    revoked_at         TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);

-- Every sign-in attempt, for slowing down and locking out guessing (per account and per client address).
CREATE TABLE sign_in_attempt (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           VARCHAR(320) NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    succeeded       BOOLEAN      NOT NULL,
    attempted_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX sign_in_attempt_email ON sign_in_attempt (email, attempted_at);
CREATE INDEX sign_in_attempt_address ON sign_in_attempt (client_address, attempted_at);
CREATE INDEX sign_in_attempt_time ON sign_in_attempt (attempted_at);

-- Access-token signing keys, shared by every replica; the private half encrypted (AES-GCM) with a key
-- from configuration. Exactly one key is current (not retired).
CREATE TABLE signing_key (
    kid                    VARCHAR(64) PRIMARY KEY,
    algorithm              VARCHAR(16) NOT NULL,
    public_jwk             TEXT        NOT NULL,
    private_key_encrypted  BYTEA       NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    retired_at             TIMESTAMPTZ
);

CREATE UNIQUE INDEX signing_key_current ON signing_key ((true)) WHERE retired_at IS NULL;

-- Who did what administrative action, when, from where, with the state before and after.
CREATE TABLE audit_event (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              UUID         NOT NULL UNIQUE,
    merchant_id     UUID,
    actor_type      VARCHAR(16)  NOT NULL,
    actor_id        VARCHAR(64)  NOT NULL,
    actor_email     VARCHAR(320),
    action          VARCHAR(64)  NOT NULL,
    target_type     VARCHAR(32)  NOT NULL,
    target_id       VARCHAR(64),
    client_address  VARCHAR(64),
    before          JSONB,
    after           JSONB,
    occurred_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX audit_event_merchant ON audit_event (merchant_id, position DESC);

ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMPTZ;
ALTER TABLE api_token ADD COLUMN created_by VARCHAR(64);

-- Legal entities become their own aggregate (users reference them), versioned like the others.
ALTER TABLE legal_entity ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
