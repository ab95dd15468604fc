-- Fills the receiver's database (H2 or PostgreSQL) with made-up deliveries, reports and published notifications,
-- rows FROM..TO, for the patient code PATIENT (an SQL expression of X); bench/run.sh substitutes the three and
-- SERIES, the row source of the database: SYSTEM_RANGE(FROM, TO) on H2, generate_series(FROM, TO) AS X on PostgreSQL.
INSERT INTO delivery (id, body_sha256, body, event_type, occurred_on, received_at, status)
SELECT '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       LPAD(CAST(X AS VARCHAR(64)), 64, 'f'),
       '{"type":"patient_report_sent","growth":' || X || '}', 'patient_report_sent',
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + X * INTERVAL '1' SECOND, CURRENT_TIMESTAMP, 'PROCESSED'
FROM ${SERIES};
INSERT INTO patient_report (id, delivery_id, patient_code, report_type, occurred_on, received_at,
                            subjective, objective, assessment, plan)
SELECT '00000000-0000-4000-9000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'), ${PATIENT}, 'soap',
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + X * INTERVAL '1' SECOND, CURRENT_TIMESTAMP,
       'made-up', 'made-up', 'made-up', 'made-up'
FROM ${SERIES};
INSERT INTO notification (id, delivery_id, message, created_at, published_at)
SELECT '00000000-0000-4000-a000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'),
       '00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR(12)), 12, '0'), '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM ${SERIES};
