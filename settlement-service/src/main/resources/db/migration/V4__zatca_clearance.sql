-- Phase 2: every tax document (invoice 388, credit note 381, debit note 383) is cleared by ZATCA before it is shared.
-- Documents issued before this migration were Phase 1 documents already shared: they stay as they were (PHASE_1).
ALTER TABLE tax_invoice
    ADD COLUMN document_type        VARCHAR(12) NOT NULL DEFAULT 'INVOICE'
        CHECK (document_type IN ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE')),
    ADD COLUMN original_invoice_id  UUID REFERENCES tax_invoice (id),
    ADD COLUMN billing_reference    VARCHAR(32),
    ADD COLUMN reason               TEXT,
    ADD COLUMN clearance_status     VARCHAR(24) NOT NULL DEFAULT 'PHASE_1'
        CHECK (clearance_status IN ('PHASE_1', 'PENDING', 'CLEARED', 'CLEARED_WITH_WARNINGS', 'REPORTED', 'REJECTED')),
    ADD COLUMN signed_xml           BYTEA,
    ADD COLUMN cleared_xml          BYTEA,
    ADD COLUMN cleared_at           TIMESTAMPTZ,
    ADD CONSTRAINT tax_invoice_note_references CHECK (document_type = 'INVOICE'
        OR (original_invoice_id IS NOT NULL AND billing_reference IS NOT NULL AND reason IS NOT NULL));

ALTER TABLE tax_invoice ALTER COLUMN clearance_status SET DEFAULT 'PENDING';
-- One monthly invoice per entity and month; a rejected one is void and may be issued again.
ALTER TABLE tax_invoice DROP CONSTRAINT tax_invoice_once;
CREATE UNIQUE INDEX tax_invoice_once ON tax_invoice (legal_entity_id, billing_month)
    WHERE document_type = 'INVOICE' AND clearance_status <> 'REJECTED';
CREATE INDEX tax_invoice_clearance ON tax_invoice (clearance_status, icv);

-- The durable work of submitting each document to ZATCA, written in the transaction that issues the document. One
-- replica at a time sends the chain's first unfinished document (lowest ICV): it claims it (SENDING, a lease) in a
-- committed transaction before the request leaves, and records the answer in another. A replica that dies mid-send
-- leaves the lease to run out; the document is then sent again with the very same bytes, which ZATCA recognises
-- (208, "previously submitted") — never a second document.
CREATE TABLE zatca_submission (
    document_id      UUID          PRIMARY KEY REFERENCES tax_invoice (id),
    issuer_vat_number VARCHAR(15)  NOT NULL,
    icv              BIGINT        NOT NULL,
    state            VARCHAR(8)    NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'DONE')),
    endpoint         VARCHAR(10)   NOT NULL DEFAULT 'CLEARANCE' CHECK (endpoint IN ('CLEARANCE', 'REPORTING')),
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    lease_until      TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT zatca_submission_chain UNIQUE (issuer_vat_number, icv)
);

CREATE INDEX zatca_submission_unfinished ON zatca_submission (issuer_vat_number, icv) WHERE state <> 'DONE';

-- Every answer ZATCA gave (or its absence), for operators: status, outcome, ZATCA's validation messages.
CREATE TABLE zatca_response (
    id           BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  UUID          NOT NULL REFERENCES tax_invoice (id),
    attempt      INT           NOT NULL,
    endpoint     VARCHAR(10)   NOT NULL,
    http_status  INT,
    outcome      VARCHAR(24)   NOT NULL,
    warnings     JSONB         NOT NULL DEFAULT '[]',
    errors       JSONB         NOT NULL DEFAULT '[]',
    detail       TEXT,
    received_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX zatca_response_document ON zatca_response (document_id, id);
