-- Import jobs: one row per job, whose progress columns are updated in the same transaction as each
-- batch of records it writes (so after a crash the job resumes exactly after its last batch).
CREATE TABLE import_jobs (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    entity        VARCHAR(127)  NOT NULL COMMENT 'the record type, <module>.<path>',
    state         VARCHAR(12)   NOT NULL COMMENT 'pending, queued, running, succeeded, failed, canceled',
    dry_run       BOOLEAN       NOT NULL,
    policy        VARCHAR(8)    NOT NULL COMMENT 'skip, update or create',
    match_fields  VARCHAR(1000) NOT NULL COMMENT 'comma-separated field names; empty for none',
    mapping       TEXT          NOT NULL COMMENT 'JSON: {"header":"field"}',
    file_name     VARCHAR(255)  NOT NULL,
    file_bytes    BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    rows_read     BIGINT        NOT NULL DEFAULT 0 COMMENT 'data rows consumed by committed batches',
    rows_imported BIGINT        NOT NULL DEFAULT 0,
    rows_updated  BIGINT        NOT NULL DEFAULT 0,
    rows_skipped  BIGINT        NOT NULL DEFAULT 0,
    rows_failed   BIGINT        NOT NULL DEFAULT 0,
    run_millis    BIGINT        NOT NULL DEFAULT 0 COMMENT 'time spent running, over all attempts',
    reverted_at   DATETIME(6)   NULL,
    problem       VARCHAR(1000) NULL COMMENT 'why the job failed',
    created_at    DATETIME(6)   NOT NULL,
    started_at    DATETIME(6)   NULL,
    finished_at   DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY ix_import_jobs_state (state, id),
    KEY ix_import_jobs_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The bad rows of a job: line of the CSV file (the header is line 1), field, problem.
CREATE TABLE import_job_errors (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    job_id   BIGINT        NOT NULL,
    line     BIGINT        NOT NULL,
    field    VARCHAR(255)  NOT NULL,
    problem  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_import_job_errors_job (job_id, id),
    CONSTRAINT fk_import_job_errors_job FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The records a job created, as ranges of consecutive ids (a multi-row INSERT takes consecutive ids).
CREATE TABLE import_job_created (
    job_id   BIGINT NOT NULL,
    first_id BIGINT NOT NULL,
    last_id  BIGINT NOT NULL,
    PRIMARY KEY (job_id, first_id),
    CONSTRAINT fk_import_job_created_job FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The records a job updated, each with the change (record history) its update wrote.
CREATE TABLE import_job_updated (
    job_id    BIGINT NOT NULL,
    record_id BIGINT NOT NULL,
    change_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, change_id),
    CONSTRAINT fk_import_job_updated_job FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
