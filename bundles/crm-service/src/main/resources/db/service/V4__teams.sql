-- Teams and their assignment rule: a case created for a team without an assignee goes to one of
-- the team's active members, by round-robin (the cursor below) or to the least busy one (fewest
-- open cases of the team).
CREATE TABLE service_teams (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100)  NOT NULL,
    assignment  VARCHAR(12)   NOT NULL COMMENT 'round_robin, least_busy or none',
    members     TEXT          NOT NULL COMMENT 'JSON: [{"userId":5,"active":true}]',
    owner_id    BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 1,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6)   NULL,
    live_name   VARCHAR(100)  AS (IF(deleted_at IS NULL, LOWER(TRIM(name)), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_service_teams_live_name (live_name),
    KEY ix_service_teams_name (name, id),
    KEY ix_service_teams_owner (owner_id, id),
    KEY ix_service_teams_created_at (created_at, id),
    KEY ix_service_teams_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who got the last case of a round-robin team.
CREATE TABLE service_team_cursors (
    team_id          BIGINT NOT NULL,
    last_assignee_id BIGINT NOT NULL,
    PRIMARY KEY (team_id)
) ENGINE = InnoDB;
