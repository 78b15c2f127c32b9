-- Recipient lookups are claimed under a lease (the kit's DurableWorker) instead of a row lock held across the call
-- to identity-service: the lease that claimed the lookup, the only one that may record its outcome. While held,
-- next_attempt_at is the lease's end, after which another replica claims it again.
ALTER TABLE recipient_lookup ADD COLUMN claimed_by UUID;
