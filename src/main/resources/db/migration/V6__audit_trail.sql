-- The audit trail (AuditTrail): append-only entries, each linked to the one before it by an HMAC-SHA256 under an audit
-- key (audit_key registers those keys as encryption_key does the data keys). audit_head holds the last entry's
-- position and link: appending locks it, so that entries are chained one at a time across every instance. A patient
-- code appears only as its HMAC. api_user_access keeps what each API user could do at the last start, so that the
-- next start records what changed.

CREATE TABLE audit_key (
    id            VARCHAR(32)              NOT NULL PRIMARY KEY,
    check_value   VARCHAR(97)              NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_entry (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    seq            BIGINT                   NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name      VARCHAR(255)             NOT NULL,
    action         VARCHAR(50)              NOT NULL,
    subject        VARCHAR(255),
    patient_digest VARCHAR(97),
    detail         VARCHAR(1000),
    chain_link     VARCHAR(97)              NOT NULL,
    CONSTRAINT audit_entry_seq_unique UNIQUE (seq)
);

CREATE INDEX audit_entry_by_time ON audit_entry (recorded_at, id);
CREATE INDEX audit_entry_by_patient ON audit_entry (patient_digest, recorded_at);

CREATE TABLE audit_head (
    id         INT         NOT NULL PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    chain_link VARCHAR(97) NOT NULL
);

INSERT INTO audit_head (id, seq, chain_link) VALUES (1, 0, '');

CREATE TABLE api_user_access (
    user_name       VARCHAR(255)  NOT NULL PRIMARY KEY,
    roles           VARCHAR(1000) NOT NULL,
    password_digest VARCHAR(97)   NOT NULL
);
