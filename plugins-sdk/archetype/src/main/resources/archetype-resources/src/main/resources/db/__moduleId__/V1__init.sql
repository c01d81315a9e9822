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
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
