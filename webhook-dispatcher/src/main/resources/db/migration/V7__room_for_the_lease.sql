-- A message row is updated twice: the lease (claimed_until, claimed_by: no index covers them, so the new version can
-- stay on the row's page without new index entries, a HOT update, if the page has room) and the outcome (status
-- changes: never HOT). At fillfactor 80 only about a third of the leases found room (ADR 21): the rest wrote a new
-- row version elsewhere and an entry in each of the table's six indexes, and left dead entries in the claim's index.
-- New pages are now filled to half, leaving room for the lease. Existing pages keep their layout.
ALTER TABLE webhook_message SET (fillfactor = 50);
