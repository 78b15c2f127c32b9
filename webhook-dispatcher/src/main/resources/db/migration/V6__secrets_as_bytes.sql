-- Secrets at rest move to service-kit's SecretEncryption (ADR 25, 26), which stores bytes. The old values (SecretBox's
-- 'v1:' text) are kept as their bytes; each start rewrites them in the kit's format, bound to their endpoint or
-- merchant (StartupReEncryption).
ALTER TABLE endpoint_secret ALTER COLUMN secret TYPE BYTEA USING convert_to(secret, 'UTF8');
ALTER TABLE merchant_notification_token ALTER COLUMN token TYPE BYTEA USING convert_to(token, 'UTF8');
