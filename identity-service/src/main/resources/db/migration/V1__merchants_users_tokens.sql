CREATE TABLE merchant (
    id          UUID PRIMARY KEY,
    name_en     VARCHAR(255) NOT NULL,
    name_ar     VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL
);

-- A merchant trades through one or more registered legal entities, each settled on its own.
CREATE TABLE legal_entity (
    id                        UUID PRIMARY KEY,
    merchant_id               UUID          NOT NULL REFERENCES merchant (id),
    legal_name_en             VARCHAR(255)  NOT NULL,
    legal_name_ar             VARCHAR(255)  NOT NULL,
    country_code              CHAR(2)       NOT NULL,
    currency                  CHAR(3)       NOT NULL,
    commercial_registration   VARCHAR(64)   NOT NULL,
    vat_number                VARCHAR(32),
    address                   VARCHAR(1024) NOT NULL,
    time_zone                 VARCHAR(64)   NOT NULL,
    created_at                TIMESTAMPTZ   NOT NULL
);

CREATE INDEX legal_entity_merchant ON legal_entity (merchant_id);

CREATE TABLE app_user (
    id             UUID PRIMARY KEY,
    merchant_id    UUID         NOT NULL REFERENCES merchant (id),
    email          VARCHAR(320) NOT NULL,
    full_name      VARCHAR(255) NOT NULL,
    role           VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(255),
    status         VARCHAR(16)  NOT NULL,
    locale         VARCHAR(8)   NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL
);

-- One email belongs to one user, whatever its case.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

-- Merchant API tokens are shown once and stored only as a SHA-256 hash.
CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    merchant_id  UUID         NOT NULL REFERENCES merchant (id),
    name         VARCHAR(255) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    token_prefix VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ,
    version      BIGINT       NOT NULL
);

CREATE INDEX api_token_merchant ON api_token (merchant_id);
