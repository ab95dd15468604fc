-- Background jobs (Jobs): re-encryption and erasure run in batches, each of which commits together with the job's
-- progress (its next step and the id to continue after). An instance holds a job while its lease lasts and renews it
-- with every batch; a job whose lease ran out (its instance stopped or died) is taken up by any instance where it
-- left off. subject is sealed (an erasure's patient code) and emptied when the job ends.

CREATE TABLE job (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    kind         VARCHAR(30)              NOT NULL,
    state        VARCHAR(20)              NOT NULL,
    requested_by VARCHAR(255)             NOT NULL,
    subject      VARCHAR,
    next_step    INT,
    after_id     VARCHAR(36)              NOT NULL,
    rows_total   BIGINT,
    rows_done    BIGINT                   NOT NULL,
    batches      BIGINT                   NOT NULL,
    result       VARCHAR,
    problem      VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    owner        VARCHAR(36),
    lease_until  TIMESTAMP WITH TIME ZONE  NOT NULL
);

CREATE INDEX job_by_lease ON job (state, lease_until);

-- What each job has done so far, by name (rows resealed per table; deliveries, reports, notifications erased).
CREATE TABLE job_count (
    job_id VARCHAR(36)  NOT NULL REFERENCES job (id),
    name   VARCHAR(64)  NOT NULL,
    amount BIGINT       NOT NULL,
    PRIMARY KEY (job_id, name)
);

-- Values a job could not open: left as they are, listed for an operator to look into.
CREATE TABLE job_unreadable (
    job_id      VARCHAR(36) NOT NULL REFERENCES job (id),
    table_name  VARCHAR(64) NOT NULL,
    column_name VARCHAR(64) NOT NULL,
    row_id      VARCHAR(36) NOT NULL,
    PRIMARY KEY (job_id, table_name, column_name, row_id)
);
