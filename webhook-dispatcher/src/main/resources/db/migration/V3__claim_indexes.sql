-- Fewer indexes on the hot table: a lease (claimed_until, claimed_by) touches no indexed column, so PostgreSQL can
-- update it in place (HOT) where the page has room; retention walks finished rows without an index of its own.
DROP INDEX webhook_message_endpoint_log;
DROP INDEX webhook_message_finished;
ALTER TABLE webhook_message SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02,
                                 autovacuum_analyze_scale_factor = 0.02);
