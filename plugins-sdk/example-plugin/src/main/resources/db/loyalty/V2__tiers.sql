-- Loyalty tiers (bronze, silver, gold …), declared with the record kit (Tiers.java): the standard
-- columns id, version, owner_id, created_at, updated_at, deleted_at, and an index for each sort.
CREATE TABLE loyalty_tiers (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    name             VARCHAR(50)   NOT NULL,
    min_points       INT           NOT NULL,
    discount_percent DECIMAL(5,2)  NOT NULL DEFAULT 0,
    active           BOOLEAN       NOT NULL DEFAULT TRUE,
    owner_id         BIGINT        NOT NULL,
    version          INT           NOT NULL DEFAULT 1,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    deleted_at       DATETIME(6)   NULL,
    -- the name of a live tier, lower case; NULL once deleted, so deleted tiers never collide
    live_name        VARCHAR(50)   AS (IF(deleted_at IS NULL, LOWER(name), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_loyalty_tiers_live_name (live_name),
    KEY ix_loyalty_tiers_name (name, id),
    KEY ix_loyalty_tiers_min_points (min_points, id),
    KEY ix_loyalty_tiers_created_at (created_at, id),
    KEY ix_loyalty_tiers_updated_at (updated_at, id),
    KEY ix_loyalty_tiers_owner (owner_id, name, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
