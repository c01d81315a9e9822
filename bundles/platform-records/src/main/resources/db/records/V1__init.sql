-- The change log of every record-kit write, written in the write's own transaction: the audit
-- history (GET …/{id}/history) and the outbox the event dispatcher posts from after commit.
CREATE TABLE record_changes (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    module        VARCHAR(63)  NOT NULL,
    entity        VARCHAR(63)  NOT NULL,
    record_id     BIGINT       NOT NULL,
    kind          VARCHAR(10)  NOT NULL COMMENT 'CREATED, UPDATED or DELETED',
    user_id       BIGINT       NOT NULL,
    changed_at    DATETIME(6)  NOT NULL COMMENT 'UTC',
    version       INT          NOT NULL COMMENT 'the record version the write produced',
    changes       LONGTEXT     NOT NULL COMMENT 'JSON: {"field":{"before":…,"after":…}}',
    dispatched_at DATETIME(6)  NULL COMMENT 'when its event was posted; NULL while pending',
    PRIMARY KEY (id),
    KEY ix_record_changes_record (module, entity, record_id, id),
    KEY ix_record_changes_pending (dispatched_at, id),
    KEY ix_record_changes_changed_at (changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
