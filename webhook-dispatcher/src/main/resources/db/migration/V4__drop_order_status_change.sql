-- Nothing read the created orders recorded here: webhook messages are made from each order event as it arrives.
DROP TABLE IF EXISTS order_status_change;
