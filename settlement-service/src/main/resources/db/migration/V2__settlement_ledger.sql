-- Settlement terms per legal entity, kept from identity's merchant events (names, country, tax ids) and set by
-- operators (fees, cycle, time zone, bank account). The open period and the open invoicing month live here too:
-- booking a line reads them under a share lock, closing moves them under an update lock (ADR 0009).
CREATE TABLE settlement_profile (
    legal_entity_id          UUID          PRIMARY KEY,
    merchant_id              UUID          NOT NULL,
    -- false while the entity is known only from an order event (identity's registration not seen yet)
    registered               BOOLEAN       NOT NULL,
    legal_name_en            VARCHAR(255),
    legal_name_ar            VARCHAR(255),
    country_code             CHAR(2)       NOT NULL,
    currency                 CHAR(3)       NOT NULL,
    commercial_registration  VARCHAR(64),
    vat_number               VARCHAR(32),
    address                  VARCHAR(1000),
    time_zone                VARCHAR(64)   NOT NULL,
    cycle                    VARCHAR(10)   NOT NULL CHECK (cycle IN ('WEEKLY', 'DAILY')),
    iban                     VARCHAR(34),
    bank_name                VARCHAR(255),
    account_holder           VARCHAR(255),
    period_start             TIMESTAMPTZ   NOT NULL,
    period_end               TIMESTAMPTZ   NOT NULL CHECK (period_end > period_start),
    invoice_from             TIMESTAMPTZ   NOT NULL,
    invoice_month_end        TIMESTAMPTZ   NOT NULL,
    identity_updated_at      TIMESTAMPTZ,
    created_at               TIMESTAMPTZ   NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL
);

CREATE INDEX settlement_profile_merchant ON settlement_profile (merchant_id);
CREATE INDEX settlement_profile_period_due ON settlement_profile (period_end);
CREATE INDEX settlement_profile_month_due ON settlement_profile (invoice_month_end) WHERE country_code = 'SA';

-- The fee per captured order, per currency: a percentage of the captured amount plus a fixed amount (charged on an
-- order's first capture).
CREATE TABLE fee_rate (
    legal_entity_id  UUID           NOT NULL REFERENCES settlement_profile (legal_entity_id),
    currency         CHAR(3)        NOT NULL,
    percentage       NUMERIC(7, 4)  NOT NULL CHECK (percentage >= 0 AND percentage <= 100),
    fixed_amount     NUMERIC(18, 3) NOT NULL CHECK (fixed_amount >= 0),
    PRIMARY KEY (legal_entity_id, currency)
);

-- One line per capture, refund and cancel (and per carried-forward balance). Signed from the merchant's side:
-- gross is what the consumer paid (negative for a refund), fee and vat what the provider keeps (negative when
-- returned), net = gross - fee - vat. settle_at decides the settlement period (never earlier than the period open
-- when it was booked), invoice_at the invoicing month likewise.
CREATE TABLE ledger_line (
    id                  BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id     UUID           NOT NULL,
    merchant_id         UUID           NOT NULL,
    currency            CHAR(3)        NOT NULL,
    kind                VARCHAR(20)    NOT NULL CHECK (kind IN ('SALE', 'REFUND', 'CANCEL', 'CARRIED_FORWARD')),
    order_id            UUID,
    order_reference_id  VARCHAR(255),
    order_number        VARCHAR(255),
    operation_id        UUID           NOT NULL,
    capture_id          UUID,
    merchant_refund_id  VARCHAR(255),
    event_time          TIMESTAMPTZ    NOT NULL,
    booked_at           TIMESTAMPTZ    NOT NULL,
    settle_at           TIMESTAMPTZ    NOT NULL,
    invoice_at          TIMESTAMPTZ    NOT NULL,
    amount              NUMERIC(18, 3) NOT NULL CHECK (amount >= 0),
    gross               NUMERIC(18, 3) NOT NULL,
    fee_rate            NUMERIC(7, 4)  NOT NULL,
    percentage_fee      NUMERIC(18, 3) NOT NULL,
    fixed_fee           NUMERIC(18, 3) NOT NULL,
    fee                 NUMERIC(18, 3) NOT NULL,
    vat_rate            NUMERIC(5, 2)  NOT NULL,
    vat                 NUMERIC(18, 3) NOT NULL,
    net                 NUMERIC(18, 3) NOT NULL,
    CONSTRAINT ledger_line_fee_parts CHECK (fee = percentage_fee + fixed_fee),
    CONSTRAINT ledger_line_net CHECK (kind = 'CARRIED_FORWARD' OR net = gross - fee - vat),
    CONSTRAINT ledger_line_once UNIQUE (kind, operation_id)
);

CREATE INDEX ledger_line_settlement ON ledger_line (legal_entity_id, settle_at, id);
CREATE INDEX ledger_line_invoicing ON ledger_line (legal_entity_id, invoice_at);
CREATE INDEX ledger_line_order ON ledger_line (order_id);

-- What each capture was charged, so that a refund returns the percentage fee of the captures it draws on, never
-- more than was charged, and all of it once a capture is refunded in full.
CREATE TABLE capture_fee (
    capture_id               UUID           PRIMARY KEY,
    order_id                 UUID           NOT NULL,
    currency                 CHAR(3)        NOT NULL,
    captured                 NUMERIC(18, 3) NOT NULL,
    refunded                 NUMERIC(18, 3) NOT NULL,
    fee_rate                 NUMERIC(7, 4)  NOT NULL,
    percentage_fee           NUMERIC(18, 3) NOT NULL,
    percentage_fee_returned  NUMERIC(18, 3) NOT NULL,
    CHECK (refunded <= captured),
    CHECK (percentage_fee_returned <= percentage_fee)
);

CREATE INDEX capture_fee_order ON capture_fee (order_id);

-- A closed settlement period of one legal entity in one currency: frozen totals of its lines, never changed; only
-- the payout status moves.
CREATE SEQUENCE settlement_reference_seq;

CREATE TABLE settlement_report (
    id                    UUID           PRIMARY KEY,
    settlement_reference  VARCHAR(32)    NOT NULL UNIQUE,
    merchant_id           UUID           NOT NULL,
    legal_entity_id       UUID           NOT NULL,
    currency              CHAR(3)        NOT NULL,
    cycle                 VARCHAR(10)    NOT NULL,
    time_zone             VARCHAR(64)    NOT NULL,
    period_start          TIMESTAMPTZ    NOT NULL,
    period_end            TIMESTAMPTZ    NOT NULL,
    first_day             DATE           NOT NULL,
    last_day              DATE           NOT NULL,
    statement_date        DATE           NOT NULL,
    line_count            BIGINT         NOT NULL,
    total_sales           NUMERIC(18, 3) NOT NULL,
    total_refunds         NUMERIC(18, 3) NOT NULL,
    total_fees            NUMERIC(18, 3) NOT NULL,
    total_vat             NUMERIC(18, 3) NOT NULL,
    carried_forward       NUMERIC(18, 3) NOT NULL,
    net_payable           NUMERIC(18, 3) NOT NULL,
    status                VARCHAR(20)    NOT NULL
        CHECK (status IN ('NOT_SETTLED', 'PENDING', 'SETTLED', 'CARRIED_FORWARD')),
    expected_payout_date  DATE,
    payout_reference      VARCHAR(64),
    payout_sent_at        TIMESTAMPTZ,
    settled_at            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ    NOT NULL,
    CONSTRAINT settlement_report_net
        CHECK (net_payable = total_sales - total_refunds - total_fees - total_vat + carried_forward),
    CONSTRAINT settlement_report_once UNIQUE (legal_entity_id, currency, period_start)
);

CREATE INDEX settlement_report_merchant ON settlement_report (merchant_id, period_start DESC, id);
CREATE INDEX settlement_report_status ON settlement_report (status, created_at) WHERE status IN ('NOT_SETTLED', 'PENDING');

-- One gap-free sequence per issuer (the provider's VAT number): the invoice counter value (ICV) and the hash of the
-- last invoice (the next one's PIH), moved under a row lock in the issuing transaction.
CREATE TABLE invoice_counter (
    issuer_vat_number  VARCHAR(15)  PRIMARY KEY,
    last_icv           BIGINT       NOT NULL,
    last_hash          VARCHAR(128) NOT NULL
);

CREATE TABLE tax_invoice (
    id                 UUID           PRIMARY KEY,
    invoice_number     VARCHAR(32)    NOT NULL UNIQUE,
    issuer_vat_number  VARCHAR(15)    NOT NULL,
    icv                BIGINT         NOT NULL,
    merchant_id        UUID           NOT NULL,
    legal_entity_id    UUID           NOT NULL,
    billing_month      DATE           NOT NULL,
    covers_from        TIMESTAMPTZ    NOT NULL,
    covers_to          TIMESTAMPTZ    NOT NULL,
    issued_at          TIMESTAMPTZ    NOT NULL,
    issue_date         DATE           NOT NULL,
    issue_time         TIME           NOT NULL,
    currency           CHAR(3)        NOT NULL,
    taxable_amount     NUMERIC(18, 2) NOT NULL CHECK (taxable_amount > 0),
    vat_rate           NUMERIC(5, 2)  NOT NULL,
    vat_amount         NUMERIC(18, 2) NOT NULL,
    total_with_vat     NUMERIC(18, 2) NOT NULL,
    fee_line_count     BIGINT         NOT NULL,
    parties            JSONB          NOT NULL,
    invoice_hash       VARCHAR(64)    NOT NULL,
    previous_hash      VARCHAR(128)   NOT NULL,
    qr                 TEXT           NOT NULL,
    xml                BYTEA          NOT NULL,
    CONSTRAINT tax_invoice_total CHECK (total_with_vat = taxable_amount + vat_amount),
    CONSTRAINT tax_invoice_icv UNIQUE (issuer_vat_number, icv),
    CONSTRAINT tax_invoice_once UNIQUE (legal_entity_id, billing_month)
);

CREATE INDEX tax_invoice_merchant ON tax_invoice (merchant_id, issue_date DESC, icv);
