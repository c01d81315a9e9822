-- The plugin's tables. Flyway runs V<n>__*.sql in order when the plugin starts; never edit a
-- script that ran somewhere: add V2__....sql instead.
CREATE TABLE ${moduleId}_notes (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    text        VARCHAR(500)  NOT NULL,
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    -- an index for each sort and search the record kit offers (Notes.java): lists stay index scans
    KEY ix_${moduleId}_notes_text (text(100), id),
    KEY ix_${moduleId}_notes_created_at (created_at, id),
    KEY ix_${moduleId}_notes_updated_at (updated_at, id),
    KEY ix_${moduleId}_notes_owner (owner_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
