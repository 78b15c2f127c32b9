-- The EGS unit (e-invoice generation solution) this service is to ZATCA: its stamp key, CSR and CSIDs, one row per
-- onboarding or renewal. Secrets (the private key, CSID tokens and secrets) are AES-256-GCM ciphertexts bound to
-- the row id and column; the certificate itself is public. One unit per environment signs at a time (ACTIVE).
CREATE TABLE zatca_egs_unit (
    id                     UUID          PRIMARY KEY,
    environment            VARCHAR(20)   NOT NULL,
    status                 VARCHAR(12)   NOT NULL CHECK (status IN ('COMPLIANCE', 'CHECKED', 'ACTIVE', 'SUPERSEDED')),
    common_name            VARCHAR(200)  NOT NULL,
    egs_serial_number      VARCHAR(200)  NOT NULL,
    vat_number             VARCHAR(15)   NOT NULL,
    invoice_types          CHAR(4)       NOT NULL,
    private_key            BYTEA         NOT NULL,
    csr                    TEXT          NOT NULL,
    compliance_request_id  VARCHAR(40),
    compliance_token       BYTEA,
    compliance_secret      BYTEA,
    compliance_checks      JSONB         NOT NULL DEFAULT '[]',
    production_request_id  VARCHAR(40),
    production_token       BYTEA,
    production_secret      BYTEA,
    certificate            BYTEA,
    certificate_serial     VARCHAR(80),
    not_after              TIMESTAMPTZ,
    renewal_of             UUID          REFERENCES zatca_egs_unit (id),
    last_error             TEXT,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    activated_at           TIMESTAMPTZ,
    CONSTRAINT zatca_egs_unit_active_has_csid CHECK (status <> 'ACTIVE'
        OR (production_token IS NOT NULL AND production_secret IS NOT NULL AND certificate IS NOT NULL))
);

CREATE UNIQUE INDEX zatca_egs_unit_one_active ON zatca_egs_unit (environment) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX zatca_egs_unit_one_onboarding ON zatca_egs_unit (environment) WHERE status IN ('COMPLIANCE', 'CHECKED');
