-- A record type with a JSON field (record kit 1.1) and a side table its afterWrite hook fills.
CREATE TABLE sheets (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    layout     TEXT         NULL,
    owner_id   BIGINT       NOT NULL,
    version    INT          NOT NULL DEFAULT 1,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    deleted_at DATETIME(6)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sheet_log (
    sheet_id BIGINT      NOT NULL,
    version  INT         NOT NULL,
    PRIMARY KEY (sheet_id, version)
) ENGINE = InnoDB;
