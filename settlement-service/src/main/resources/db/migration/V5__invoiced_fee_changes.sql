-- An operator's correction of the fees of a month already invoiced is a ledger line of its own: no money moves for
-- the consumer (gross 0); the fee (positive: charged in addition, negative: returned) and the VAT on it are netted in
-- the next settlement, and a debit or credit note states it for tax.
ALTER TABLE ledger_line DROP CONSTRAINT ledger_line_kind_check;
ALTER TABLE ledger_line ADD CONSTRAINT ledger_line_kind_check
    CHECK (kind IN ('SALE', 'REFUND', 'CANCEL', 'CARRIED_FORWARD', 'FEE_CORRECTION'));

-- Changes to fees that an issued invoice already stated: the fee a refund returns on a capture invoiced before, or an
-- operator's fee correction. They stay out of the next monthly invoice and go into a credit note (fees returned) or a
-- debit note (fees charged in addition) that references the original invoice. booked_at is the correcting line's
-- invoice_at (which month's close issues the note); invoiced_at locates the original invoice (the one covering it).
CREATE TABLE invoiced_fee_change (
    id                   BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id      UUID           NOT NULL,
    kind                 VARCHAR(16)    NOT NULL CHECK (kind IN ('REFUND', 'FEE_CORRECTION')),
    operation_id         UUID           NOT NULL,
    capture_id           UUID,
    invoiced_at          TIMESTAMPTZ,
    original_invoice_id  UUID           REFERENCES tax_invoice (id),
    fee_change           NUMERIC(18, 3) NOT NULL CHECK (fee_change <> 0),
    reason               TEXT,
    booked_at            TIMESTAMPTZ    NOT NULL,
    note_id              UUID           REFERENCES tax_invoice (id),
    closed_at            TIMESTAMPTZ,
    CONSTRAINT invoiced_fee_change_once UNIQUE (kind, operation_id, capture_id),
    CONSTRAINT invoiced_fee_change_locatable CHECK (invoiced_at IS NOT NULL OR original_invoice_id IS NOT NULL)
);

CREATE INDEX invoiced_fee_change_open ON invoiced_fee_change (legal_entity_id, booked_at) WHERE closed_at IS NULL;
CREATE INDEX invoiced_fee_change_booked ON invoiced_fee_change (legal_entity_id, booked_at);
