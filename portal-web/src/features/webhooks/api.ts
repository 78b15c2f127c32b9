export const WEBHOOK_EVENTS = ['order_approved', 'order_declined', 'order_authorised', 'order_captured', 'order_refunded', 'order_canceled', 'order_expired'];

export interface Webhook {
  webhook_id: string;
  type: string;
  url: string;
  events: string[];
  description?: string;
  enabled: boolean;
  disabled_reason?: string;
  disabled_at?: string;
  failing_since?: string;
  last_success_at?: string;
  created_at: string;
}

export interface WebhookMessage {
  id: string;
  endpoint_id: string;
  event_type: string;
  order_id?: string;
  test: boolean;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  created_at: string;
  next_attempt_at?: string;
  finished_at?: string;
  last_status?: number;
  last_error?: string;
}

export interface WebhookAttempt {
  id: number;
  attempt_number: number;
  started_at: string;
  latency_ms: number;
  outcome: string;
  url: string;
  response_status?: number;
  response_body?: string;
  error?: string;
}
