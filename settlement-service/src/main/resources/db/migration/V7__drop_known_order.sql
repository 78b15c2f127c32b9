-- Nothing read settlement's copy of created orders: a ledger line takes the order's reference and number from the
-- capture, refund or cancel event it books.
DROP TABLE IF EXISTS known_order;
