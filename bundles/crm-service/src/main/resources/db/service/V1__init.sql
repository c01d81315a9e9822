-- Customer service: cases with data-driven statuses, comments, business-hours calendars, SLA
-- policies and the SLA clocks of each case. Timestamps are UTC.

-- Statuses are data: each has a category (open | waiting | closed); the transitions say which
-- status may follow which. Reopening is a transition like any other.
CREATE TABLE service_statuses (
    code       VARCHAR(40)  NOT NULL,
    category   VARCHAR(10)  NOT NULL COMMENT 'open, waiting or closed',
    position   INT          NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_transitions (
    from_status VARCHAR(40) NOT NULL,
    to_status   VARCHAR(40) NOT NULL,
    PRIMARY KEY (from_status, to_status),
    CONSTRAINT fk_transitions_from FOREIGN KEY (from_status) REFERENCES service_statuses (code),
    CONSTRAINT fk_transitions_to FOREIGN KEY (to_status) REFERENCES service_statuses (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO service_statuses (code, category, position) VALUES
    ('new', 'open', 1), ('assigned', 'open', 2), ('in_progress', 'open', 3),
    ('pending_customer', 'waiting', 4),
    ('resolved', 'closed', 5), ('closed', 'closed', 6), ('rejected', 'closed', 7), ('duplicate', 'closed', 8);

INSERT INTO service_transitions (from_status, to_status) VALUES
    ('new', 'assigned'), ('new', 'in_progress'), ('new', 'rejected'), ('new', 'duplicate'),
    ('assigned', 'in_progress'), ('assigned', 'pending_customer'), ('assigned', 'rejected'), ('assigned', 'duplicate'),
    ('in_progress', 'pending_customer'), ('in_progress', 'resolved'), ('in_progress', 'duplicate'),
    ('pending_customer', 'in_progress'), ('pending_customer', 'resolved'), ('pending_customer', 'closed'),
    ('resolved', 'closed'), ('resolved', 'in_progress'),
    ('closed', 'in_progress'), ('rejected', 'in_progress');

-- The last case number given per year: CS-2026-000123.
CREATE TABLE service_case_numbers (
    year       INT    NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (year)
) ENGINE = InnoDB;

CREATE TABLE service_calendars (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    hours       TEXT         NOT NULL COMMENT 'JSON: {"mon":[["09:00","17:00"]], …}',
    exceptions  MEDIUMTEXT   NULL COMMENT 'JSON: [{"date":"2026-12-24","hours":[]}]',
    owner_id    BIGINT       NOT NULL,
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    deleted_at  DATETIME(6)  NULL,
    live_name   VARCHAR(100) AS (IF(deleted_at IS NULL, LOWER(TRIM(name)), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_service_calendars_live_name (live_name),
    KEY ix_service_calendars_name (name, id),
    KEY ix_service_calendars_owner (owner_id, id),
    KEY ix_service_calendars_created_at (created_at, id),
    KEY ix_service_calendars_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_sla_policies (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    sort_order  INT          NOT NULL,
    calendar_id BIGINT       NOT NULL,
    conditions  TEXT         NULL COMMENT 'JSON: {"priority":["high"],"type":[…],"accountId":[…],"teamId":[…]}',
    targets     TEXT         NOT NULL COMMENT 'JSON: {"firstResponse":120,"nextResponse":240,"resolution":480}',
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    owner_id    BIGINT       NOT NULL,
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    deleted_at  DATETIME(6)  NULL,
    live_name   VARCHAR(100) AS (IF(deleted_at IS NULL, LOWER(TRIM(name)), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_service_sla_policies_live_name (live_name),
    CONSTRAINT fk_sla_policies_calendar FOREIGN KEY (calendar_id) REFERENCES service_calendars (id),
    KEY ix_service_sla_policies_sort_order (sort_order, id),
    KEY ix_service_sla_policies_name (name, id),
    KEY ix_service_sla_policies_active (active, sort_order, id),
    KEY ix_service_sla_policies_calendar (calendar_id, id),
    KEY ix_service_sla_policies_owner (owner_id, id),
    KEY ix_service_sla_policies_created_at (created_at, id),
    KEY ix_service_sla_policies_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_cases (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    number            VARCHAR(20)   NOT NULL,
    type              VARCHAR(20)   NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    description       MEDIUMTEXT    NULL,
    account_id        BIGINT        NOT NULL COMMENT 'customers.accounts (no foreign key: another module)',
    contact_id        BIGINT        NULL COMMENT 'customers.contacts',
    priority          VARCHAR(10)   NOT NULL,
    channel           VARCHAR(10)   NOT NULL,
    assignee_id       BIGINT        NULL,
    team              VARCHAR(100)  NULL,
    status            VARCHAR(40)   NOT NULL,
    status_category   VARCHAR(10)   NOT NULL,
    sla_policy_id     BIGINT        NULL,
    merged_into_id    BIGINT        NULL,
    closed_at         DATETIME(6)   NULL,
    owner_id          BIGINT        NOT NULL,
    version           INT           NOT NULL DEFAULT 1,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    deleted_at        DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_service_cases_number (number),
    CONSTRAINT fk_service_cases_status FOREIGN KEY (status) REFERENCES service_statuses (code),
    KEY ix_service_cases_subject (subject, id),
    KEY ix_service_cases_type (type, id),
    KEY ix_service_cases_account (account_id, id),
    KEY ix_service_cases_contact (contact_id, id),
    KEY ix_service_cases_priority (priority, id),
    KEY ix_service_cases_channel (channel, id),
    KEY ix_service_cases_assignee (assignee_id, status_category, id),
    KEY ix_service_cases_team (team, status_category, id),
    KEY ix_service_cases_status (status, id),
    KEY ix_service_cases_status_category (status_category, id),
    KEY ix_service_cases_owner (owner_id, id),
    KEY ix_service_cases_created_at (created_at, id),
    KEY ix_service_cases_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_comments (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    case_id           BIGINT       NOT NULL,
    body              TEXT         NOT NULL,
    visibility        VARCHAR(10)  NOT NULL COMMENT 'internal or customer',
    author_kind       VARCHAR(10)  NOT NULL COMMENT 'agent or customer',
    owner_id          BIGINT       NOT NULL COMMENT 'the author',
    version           INT          NOT NULL DEFAULT 1,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    deleted_at        DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_service_comments_case FOREIGN KEY (case_id) REFERENCES service_cases (id),
    KEY ix_service_comments_case (case_id, id),
    KEY ix_service_comments_visibility (visibility, id),
    KEY ix_service_comments_author_kind (author_kind, id),
    KEY ix_service_comments_owner (owner_id, id),
    KEY ix_service_comments_created_at (created_at, id),
    KEY ix_service_comments_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The status timeline of each case (what the clocks paused and resumed on).
CREATE TABLE service_case_status_log (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    case_id     BIGINT      NOT NULL,
    status      VARCHAR(40) NOT NULL,
    category    VARCHAR(10) NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_service_case_status_log_case (case_id, changed_at)
) ENGINE = InnoDB;

-- One row per case and clock (first_response, next_response, resolution). Business time is
-- settled at every change: accrued_seconds were consumed before `since`; from `since` on the
-- clock runs when `running`. due_at is when the target is reached if it keeps running (what the
-- breach sweep looks for); met_at / breached_at say how it ended or went.
CREATE TABLE service_case_clocks (
    case_id         BIGINT      NOT NULL,
    clock           VARCHAR(20) NOT NULL,
    policy_id       BIGINT      NOT NULL,
    calendar_id     BIGINT      NOT NULL,
    target_minutes  INT         NOT NULL,
    accrued_seconds BIGINT      NOT NULL,
    since           DATETIME(6) NOT NULL,
    running         BOOLEAN     NOT NULL,
    started_at      DATETIME(6) NOT NULL,
    stopped_at      DATETIME(6) NULL,
    due_at          DATETIME(6) NULL,
    breached_at     DATETIME(6) NULL,
    breach_posted   BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (case_id, clock),
    KEY ix_service_case_clocks_due (breach_posted, due_at),
    KEY ix_service_case_clocks_started (clock, started_at)
) ENGINE = InnoDB;
