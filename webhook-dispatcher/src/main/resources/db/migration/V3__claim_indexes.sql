-- The claim's in-flight count reads only leased rows (a lease is cleared when its attempt is recorded).
CREATE INDEX webhook_message_leased ON webhook_message (endpoint_id) WHERE status = 'pending' AND claimed_until IS NOT NULL;
