-- Fills the receiver's database (H2 or PostgreSQL) with made-up deliveries, reports and published notifications,
-- rows FROM..TO, for the patient code PATIENT (an SQL expression of X); bench/run.sh substitutes the three and
-- SERIES, the row source of the database: SYSTEM_RANGE(FROM, TO) on H2, generate_series(FROM, TO) AS X on PostgreSQL.
-- Clinical columns hold sealed text, which only the receiver can write: the rows copy it from the first delivery
-- the benchmark made (ids above the made-up ones, found through the primary key). Sealed values are bound to their
-- row, so the copies would not open: the benchmark reads lists of reports, which open no clinical column.
INSERT INTO delivery (id, body_digest, body, event_type, occurred_on, received_at, status)
SELECT '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       'bench:' || LPAD(CAST(X AS VARCHAR(64)), 64, 'f'),
       (SELECT body FROM delivery WHERE id > '00000000-0000-4000-ffff' ORDER BY id LIMIT 1), 'patient_report_sent',
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + X * INTERVAL '1' SECOND, CURRENT_TIMESTAMP, 'PROCESSED'
FROM ${SERIES};
INSERT INTO patient_report (id, delivery_id, patient_code, report_type, occurred_on, received_at,
                            subjective, objective, assessment, plan)
SELECT '00000000-0000-4000-9000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'), ${PATIENT}, 'soap',
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + X * INTERVAL '1' SECOND, CURRENT_TIMESTAMP,
       (SELECT subjective FROM patient_report WHERE id > '00000000-0000-4000-ffff' ORDER BY id LIMIT 1), (SELECT objective FROM patient_report WHERE id > '00000000-0000-4000-ffff' ORDER BY id LIMIT 1),
       (SELECT assessment FROM patient_report WHERE id > '00000000-0000-4000-ffff' ORDER BY id LIMIT 1), (SELECT plan FROM patient_report WHERE id > '00000000-0000-4000-ffff' ORDER BY id LIMIT 1)
FROM ${SERIES};
INSERT INTO notification (id, delivery_id, message, created_at, published_at)
SELECT '00000000-0000-4000-a000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'), '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM ${SERIES};
