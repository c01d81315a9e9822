-- The tuning history: every configuration change made through platform-tuning or
-- PATCH /api/platform/config, grouped by the call that made it (a change set).
-- Every DATETIME column holds UTC wall-clock time.

CREATE TABLE tuning_change_sets (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    who            VARCHAR(100)  NOT NULL,
    reason         VARCHAR(1000) NOT NULL DEFAULT '',
    source         VARCHAR(16)   CHARACTER SET ascii NOT NULL COMMENT 'apply | advice | config | rollback',
    advice_id      VARCHAR(100)  NULL COMMENT 'the advice item applied, if any',
    rollback_of    BIGINT        NULL COMMENT 'the change set whose prior state this one restored',
    rolled_back_by BIGINT        NULL COMMENT 'the rollback change set that undid this one',
    version        INT           NOT NULL DEFAULT 1,
    created_at     DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at     DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_tuning_change_sets_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tuning_changes (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    change_set_id BIGINT        NOT NULL,
    pid           VARCHAR(200)  CHARACTER SET ascii NOT NULL,
    property      VARCHAR(200)  CHARACTER SET ascii NOT NULL,
    old_value     VARCHAR(4000) NULL COMMENT 'NULL: the key was not set (its default applied)',
    new_value     VARCHAR(4000) NULL,
    secret        BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'values masked; cannot be rolled back',
    created_at    DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    KEY ix_tuning_changes_set (change_set_id),
    KEY ix_tuning_changes_pid_property (pid, property, id),
    CONSTRAINT fk_tuning_changes_set FOREIGN KEY (change_set_id) REFERENCES tuning_change_sets (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
