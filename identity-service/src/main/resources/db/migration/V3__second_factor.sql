-- A user's TOTP authenticator (RFC 6238). The secret is encrypted (AES-GCM, the factor's id as associated data)
-- with the same key as the signing keys. A user has at most one active factor and at most one pending enrolment
-- (shown as a QR code, not yet confirmed by a first code). last_used_step is the newest time step a code was
-- accepted for: a code is accepted only for a later step, so a code cannot be replayed.
CREATE TABLE second_factor (
    id                UUID PRIMARY KEY,
    user_id           UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    status            VARCHAR(16) NOT NULL,
    secret_encrypted  BYTEA       NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    confirmed_at      TIMESTAMPTZ,
    last_used_step    BIGINT,
    CONSTRAINT second_factor_status CHECK (status IN ('pending', 'active'))
);

CREATE UNIQUE INDEX second_factor_active ON second_factor (user_id) WHERE status = 'active';
CREATE UNIQUE INDEX second_factor_pending ON second_factor (user_id) WHERE status = 'pending';

-- Single-use recovery codes (80 random bits each), shown once and stored only as SHA-256.
CREATE TABLE recovery_code (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash   CHAR(64)    NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE UNIQUE INDEX recovery_code_hash ON recovery_code (user_id, code_hash);

-- A merchant's security settings, changed by its admins.
CREATE TABLE merchant_security_policy (
    merchant_id             UUID PRIMARY KEY REFERENCES merchant (id),
    second_factor_required  BOOLEAN     NOT NULL,
    changed_at              TIMESTAMPTZ NOT NULL,
    changed_by              VARCHAR(64) NOT NULL
);

-- The step between a correct password and the tokens: the second factor (a code or a recovery code), or enrolling
-- one when the team requires it. Stored as SHA-256; single use, short-lived.
CREATE TABLE sign_in_challenge (
    id            UUID PRIMARY KEY,
    user_id       UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose       VARCHAR(16) NOT NULL,
    token_hash    CHAR(64)    NOT NULL UNIQUE,
    email         VARCHAR(320) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    CONSTRAINT sign_in_challenge_purpose CHECK (purpose IN ('second_factor', 'enrolment'))
);

CREATE INDEX sign_in_challenge_expiry ON sign_in_challenge (expires_at);
