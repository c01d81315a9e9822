-- Loyalty points: an append-only ledger of every award and redemption, and the current balance per
-- account (kept in the same transaction as the ledger row that changes it).

CREATE TABLE loyalty_ledger (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    points      INT          NOT NULL COMMENT 'positive for awards, negative for redemptions',
    kind        VARCHAR(16)  NOT NULL COMMENT 'AWARD, REDEMPTION or WELCOME',
    reason      VARCHAR(200) NULL,
    -- set for awards that must happen once per account (welcome points); NULLs never collide
    once_key    VARCHAR(64)  NULL,
    user_id     BIGINT       NOT NULL COMMENT 'who caused it (0 = the system)',
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_loyalty_ledger_once (account_id, once_key),
    KEY ix_loyalty_ledger_account (account_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE loyalty_points (
    account_id  BIGINT       NOT NULL,
    balance     BIGINT       NOT NULL,
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
