-- The knowledge base: Markdown articles with a review workflow, tags and linked cases (JSON),
-- searched with a FULLTEXT index over title and body (only published articles are searched).
CREATE TABLE service_articles (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    title       VARCHAR(200)  NOT NULL,
    body        MEDIUMTEXT    NOT NULL COMMENT 'Markdown',
    status      VARCHAR(12)   NOT NULL,
    tags        TEXT          NULL COMMENT 'JSON array of strings',
    case_ids    TEXT          NULL COMMENT 'JSON array of linked case ids',
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    FULLTEXT KEY ft_service_articles (title, body),
    KEY ix_service_articles_title (title, id),
    KEY ix_service_articles_status (status, id),
    KEY ix_service_articles_owner (owner_id, id),
    KEY ix_service_articles_created_at (created_at, id),
    KEY ix_service_articles_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
