-- Runs unchanged on H2 2.x and PostgreSQL. Text columns are VARCHAR without a length: unbounded on PostgreSQL,
-- 1,048,576 characters on H2, above the largest body the receiver accepts.

CREATE TABLE delivery (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    body_sha256  CHAR(64)                 NOT NULL,
    body         VARCHAR                  NOT NULL,
    event_type   VARCHAR(100)             NOT NULL,
    occurred_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    CONSTRAINT delivery_body_sha256_unique UNIQUE (body_sha256)
);

CREATE TABLE patient_report (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    delivery_id  VARCHAR(36)              NOT NULL REFERENCES delivery (id),
    patient_code VARCHAR(255)             NOT NULL,
    report_type  VARCHAR(100)             NOT NULL,
    occurred_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    subjective   VARCHAR,
    objective    VARCHAR,
    assessment   VARCHAR,
    plan         VARCHAR,
    content_json VARCHAR,
    CONSTRAINT patient_report_delivery_unique UNIQUE (delivery_id)
);

CREATE INDEX patient_report_by_patient ON patient_report (patient_code, occurred_on);

CREATE TABLE notification (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    delivery_id  VARCHAR(36)              NOT NULL REFERENCES delivery (id),
    message      VARCHAR                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notification_unpublished ON notification (published_at, created_at);
