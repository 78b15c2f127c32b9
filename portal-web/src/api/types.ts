export interface Money {
  amount: number | string;
  currency: string;
}

export interface LegalEntity {
  id: string;
  legal_name_en: string;
  legal_name_ar: string;
  country_code: string;
  currency: string;
  time_zone: string;
  vat_number?: string;
  commercial_registration?: string;
}

export interface OrderRow {
  order_id: string;
  order_reference_id: string;
  order_number?: string;
  status: string;
  legal_entity_id: string;
  country_code: string;
  payment_type: string;
  consumer_name: string;
  total_amount: Money;
  captured_amount: Money;
  refunded_amount: Money;
  canceled_amount: Money;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntry {
  occurred_at: string;
  kind: string;
  from_status?: string;
  to_status?: string;
  amount?: Money;
  reference_id?: string;
  detail?: string;
  /** Who acted; `name` is the user's or the API token's, when the orders service knows it. */
  actor?: { type: string; id?: string; name?: string };
}

export interface Order extends Omit<OrderRow, 'consumer_name'> {
  description?: string;
  instalments?: number;
  consumer: { first_name: string; last_name: string; phone_number?: string; email?: string };
  shipping_address?: { line1?: string; city?: string; country_code?: string };
  items: { reference_id: string; type?: string; name: string; sku?: string; quantity: number; total_amount: Money }[];
  tax_amount?: Money;
  shipping_amount?: Money;
  discount?: { name?: string; amount: Money };
  transactions: {
    captures: { capture_id: string; total_amount: Money; refunded_amount: Money; automatic: boolean; created_at: string }[];
    refunds: { refund_id: string; total_amount: Money; comment?: string; created_at: string }[];
    cancels: { cancel_id: string; total_amount: Money; created_at: string }[];
  };
  expires_at?: string;
  auto_capture_at?: string;
  timeline: TimelineEntry[];
}

export interface OrderExport {
  export_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_written: number;
  created_from: string;
  created_to: string;
  created_at: string;
  finished_at?: string;
  expires_at?: string;
  download_url?: string;
  error?: string;
}

export interface User {
  id: string;
  email: string;
  full_name: string;
  locale: string;
  role: { id: string; name: string };
  legal_entity_ids: string[];
  status: 'invited' | 'active' | 'disabled';
  second_factor_enabled: boolean;
  created_at: string;
}

/** The signed-in user's second factor, as their security section shows it. */
export interface SecondFactorStatus {
  enabled: boolean;
  enabled_at?: string | null;
  recovery_codes_remaining: number;
  required_by_team: boolean;
}

export interface Role {
  id: string;
  name: string;
  description?: string;
  built_in: boolean;
  permissions: string[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at?: string;
  revoked: boolean;
  revoked_at?: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { type: string; id?: string; email?: string };
  target?: { type: string; id?: string };
  client_address?: string;
  before?: unknown;
  after?: unknown;
  occurred_at: string;
}

export interface SettlementReport {
  report_id: string;
  settlement_reference: string;
  legal_entity_id: string;
  currency: string;
  period_start: string;
  period_end: string;
  statement_date: string;
  line_count: number;
  total_sales: Money;
  total_refunds: Money;
  total_fees: Money;
  total_vat: Money;
  carried_forward: Money;
  net_payable: Money;
  status: string;
  expected_payout_date?: string;
  settled_at?: string;
}

export interface SettlementOverview {
  legal_entity_id: string;
  currency?: string;
  cycle: string;
  time_zone: string;
  vat_rate?: number | string;
  fee?: { percentage?: number | string; fixed_amount?: Money } | null;
  current_period?: { start: string; end: string; closes_at: string };
  current_balance?: Money;
  upcoming_payment?: { report_id: string; settlement_reference: string; amount: Money; expected_date: string; status: string } | null;
  not_paid_yet?: Money;
  last_settlement?: { amount: Money; settled_on: string } | null;
  bank_account?: { iban_masked: string; bank_name: string; account_holder: string } | null;
}

export type DocumentType = 'invoice' | 'credit_note' | 'debit_note';
export type ClearanceStatus = 'pending' | 'cleared' | 'cleared_with_warnings' | 'reported' | 'rejected' | 'phase_1';

export interface Invoice {
  invoice_id: string;
  invoice_number: string;
  document_type: DocumentType;
  billing_reference?: string | null;
  reason?: string | null;
  clearance_status: ClearanceStatus;
  cleared_at?: string | null;
  legal_entity_id: string;
  billing_month: string;
  issue_date: string;
  currency: string;
  taxable_amount: Money;
  vat_rate: number | string;
  vat_amount: Money;
  total_with_vat: Money;
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}
