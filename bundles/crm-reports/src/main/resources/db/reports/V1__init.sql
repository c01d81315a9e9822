-- Report definitions and dashboards are record types (the record kit's standard columns).
CREATE TABLE reports_definitions (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200)  NOT NULL,
    entity      VARCHAR(100)  NOT NULL COMMENT '<module>.<entity> as in the metadata API',
    filters     TEXT          NULL COMMENT 'JSON object: list filters and relative periods',
    group_by    TEXT          NULL COMMENT 'JSON array of {field, bucket}',
    measures    TEXT          NOT NULL COMMENT 'JSON array of {fn, field}',
    sort        VARCHAR(200)  NULL,
    row_limit   INT           NULL,
    tz          VARCHAR(64)   NULL COMMENT 'IANA zone of scheduled runs',
    schedule    VARCHAR(120)  NULL COMMENT 'Quartz cron expression',
    built_in    VARCHAR(60)   NULL COMMENT 'key of a seeded built-in definition',
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_reports_definitions_built_in (built_in),
    KEY ix_reports_definitions_name (name, id),
    KEY ix_reports_definitions_entity (entity, id),
    KEY ix_reports_definitions_schedule (schedule, id),
    KEY ix_reports_definitions_owner (owner_id, id),
    KEY ix_reports_definitions_created_at (created_at, id),
    KEY ix_reports_definitions_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reports_dashboards (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200)  NOT NULL,
    shared      BOOLEAN       NOT NULL DEFAULT FALSE,
    widgets     TEXT          NOT NULL COMMENT 'JSON array of {title, definitionId, chart}',
    built_in    VARCHAR(60)   NULL,
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_reports_dashboards_built_in (built_in),
    KEY ix_reports_dashboards_name (name, id),
    KEY ix_reports_dashboards_shared (shared, id),
    KEY ix_reports_dashboards_owner (owner_id, id),
    KEY ix_reports_dashboards_created_at (created_at, id),
    KEY ix_reports_dashboards_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per scheduled run: its rows (JSON), or why it failed.
CREATE TABLE reports_snapshots (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    definition_id  BIGINT        NOT NULL,
    due_at         DATETIME(6)   NOT NULL COMMENT 'the fire time it ran for (UTC)',
    started_at     DATETIME(6)   NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    status         VARCHAR(10)   NOT NULL COMMENT 'succeeded or failed',
    reason         VARCHAR(1000) NULL,
    row_count      INT           NULL,
    result         MEDIUMTEXT    NULL COMMENT 'JSON {columns, rows}',
    PRIMARY KEY (id),
    KEY ix_reports_snapshots_definition (definition_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last fire time each schedule ran for: a run missed during downtime runs once, not N times.
CREATE TABLE reports_schedule_state (
    definition_id  BIGINT        NOT NULL,
    last_due_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (definition_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The win-probability model: metrics of the last training and the frequency table.
CREATE TABLE reports_model_runs (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    trained_at   DATETIME(6)   NOT NULL,
    summary      MEDIUMTEXT    NOT NULL COMMENT 'JSON: split, AUC, Brier, calibration of both models',
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
