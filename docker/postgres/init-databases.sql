-- Runs once, when the postgres volume is first initialised: one database per service.
CREATE DATABASE portal_identity;
CREATE DATABASE portal_orders;
CREATE DATABASE portal_settlement;
CREATE DATABASE portal_webhooks;
CREATE DATABASE portal_notification;
