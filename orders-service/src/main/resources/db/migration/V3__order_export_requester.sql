-- A user's access revoked: their exports are found by requester (ExportJobs.revokeRequestedBy).
CREATE INDEX order_export_requester ON order_export (requested_by, created_at);
