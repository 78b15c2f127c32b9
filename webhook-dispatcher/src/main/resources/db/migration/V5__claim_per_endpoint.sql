-- The claim looks per endpoint (ADR 21): a skip scan of this index finds the endpoints with pending messages, one
-- descent each, and a second probe reads an endpoint's oldest due messages only when it has room. The global due
-- index made every claim walk past the backlog of endpoints at their concurrency limit.
CREATE INDEX webhook_message_endpoint_due ON webhook_message (endpoint_id, next_attempt_at) WHERE status = 'pending';
DROP INDEX webhook_message_due;
