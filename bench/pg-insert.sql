-- pgbench script for the PostgreSQL ceiling: one single-row INSERT per transaction, the kind of row the receiver
-- writes first for each delivery.
INSERT INTO bench_delivery (id, body, received_at) VALUES (gen_random_uuid()::text, repeat('x', 400), now());
