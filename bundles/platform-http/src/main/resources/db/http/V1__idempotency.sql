-- Idempotency-Key: the first answer to a POST, per user and key, kept for idempotencyTtlSeconds.
-- state: running while the first request is being served (by the process `node`), done once its answer is stored.
CREATE TABLE http_idempotency (
    user_id     BIGINT       NOT NULL,
    idem_key    VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fingerprint BINARY(32)   NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    node        CHAR(36)     CHARACTER SET ascii NOT NULL,
    status      SMALLINT     NULL,
    headers     TEXT         NULL,
    body        MEDIUMBLOB   NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, idem_key),
    KEY ix_http_idempotency_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
