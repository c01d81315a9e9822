-- CSAT: one single-use survey per closed case, answered through a public link. The token is
-- 256 random bits (base64url); the assignee and team are those of the case when it closed.
CREATE TABLE service_surveys (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    case_id      BIGINT        NOT NULL,
    token        CHAR(43)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    assignee_id  BIGINT        NULL,
    team         VARCHAR(100)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    expires_at   DATETIME(6)   NOT NULL,
    answered_at  DATETIME(6)   NULL,
    score        TINYINT       NULL,
    comment      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_service_surveys_case (case_id),
    UNIQUE KEY ux_service_surveys_token (token),
    KEY ix_service_surveys_answered (answered_at),
    CONSTRAINT fk_service_surveys_case FOREIGN KEY (case_id) REFERENCES service_cases (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
