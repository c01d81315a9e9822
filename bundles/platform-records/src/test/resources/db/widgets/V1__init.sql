-- Tables of the record types the platform-records tests declare (TestTypes).
CREATE TABLE makers (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    owner_id    BIGINT       NOT NULL,
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    deleted_at  DATETIME(6)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE widgets (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    code        VARCHAR(20)   NOT NULL,
    title       VARCHAR(100)  NULL,
    email       VARCHAR(254)  NULL,
    colour      VARCHAR(20)   NULL,
    price       DECIMAL(19,4) NULL,
    currency    CHAR(3)       NULL,
    weight      INT           NULL,
    due         DATE          NULL,
    maker_id    BIGINT        NULL,
    secret      VARCHAR(50)   NULL,
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    live_code   VARCHAR(20)   AS (IF(deleted_at IS NULL, LOWER(code), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_widgets_live_code (live_code),
    KEY ix_widgets_title (title, id),
    KEY ix_widgets_price (price, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
