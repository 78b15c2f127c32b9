-- Exports are claimed by the kit's DurableWorker: the lease that claimed a running export (the only one that may
-- record its outcome; lease_until stays its end, renewed as the file is written), and, for a queued export whose
-- attempt failed, when it may be tried again (a jittered exponential backoff instead of at once).
ALTER TABLE order_export ADD COLUMN claimed_by UUID;
ALTER TABLE order_export ADD COLUMN next_attempt_at TIMESTAMPTZ;
