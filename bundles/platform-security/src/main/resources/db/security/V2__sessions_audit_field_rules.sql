-- Sessions of the console, the audit log, record ownership scopes, field-level rules and the
-- built-in roles beyond admin and read-only. DATETIME columns hold UTC (see UtcTime).

-- "own": the grant covers only records whose owner is the caller.
ALTER TABLE role_permissions
    ADD COLUMN scope VARCHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'all',
    ADD CONSTRAINT ck_role_permissions_scope CHECK (scope IN ('all', 'own'));

-- A rule hides one field of a resource from a role, e.g. customers.accounts / annualRevenue.
-- A user sees the field if any of their roles that may read the resource does not hide it.
CREATE TABLE role_hidden_fields (
    role_id  BIGINT       NOT NULL,
    resource VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    field    VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (role_id, resource, field),
    CONSTRAINT fk_role_hidden_fields_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Server-side sessions: only the SHA-256 of the cookie value is kept, so a copy of this table
-- signs nobody in. The CSRF token is bound to the session.
CREATE TABLE sessions (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    id_sha256      BINARY(32)  NOT NULL,
    user_id        BIGINT      NOT NULL,
    csrf_token     CHAR(43)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    remote_address VARCHAR(64) NULL,
    created_at     DATETIME(3) NOT NULL,
    last_seen_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_sessions_id_sha256 UNIQUE (id_sha256),
    KEY ix_sessions_user (user_id),
    KEY ix_sessions_last_seen (last_seen_at),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE security_audit (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    at             DATETIME(3)   NOT NULL,
    event          VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor_id       BIGINT        NULL,
    actor          VARCHAR(100)  NULL,
    subject        VARCHAR(200)  NULL,
    remote_address VARCHAR(64)   NULL,
    detail         VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_security_audit_event (event, id),
    KEY ix_security_audit_actor (actor_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE users ADD COLUMN password_changed_at DATETIME(3) NULL;

INSERT INTO roles (name, description, built_in) VALUES
    ('operator', 'Runs the platform: modules, configuration, tuning, metrics; reads CRM data', TRUE),
    ('sales', 'Works with accounts and contacts: read, create, edit, export', TRUE),
    ('support', 'Reads customers and edits contacts; does not see account revenue', TRUE),
    ('marketing', 'Reads and exports customers', TRUE);

INSERT INTO role_permissions (role_id, resource, action)
SELECT r.id, p.resource, p.action FROM roles r
JOIN (SELECT 'operator' AS role, 'platform.*' AS resource, '*' AS action
      UNION ALL SELECT 'operator', 'customers.*', 'READ'
      UNION ALL SELECT 'sales', 'customers.*', 'READ'
      UNION ALL SELECT 'sales', 'customers.*', 'CREATE'
      UNION ALL SELECT 'sales', 'customers.*', 'EDIT'
      UNION ALL SELECT 'sales', 'customers.*', 'EXPORT'
      UNION ALL SELECT 'support', 'customers.*', 'READ'
      UNION ALL SELECT 'support', 'customers.contacts', 'EDIT'
      UNION ALL SELECT 'marketing', 'customers.*', 'READ'
      UNION ALL SELECT 'marketing', 'customers.*', 'EXPORT') p ON p.role = r.name;

INSERT INTO role_hidden_fields (role_id, resource, field)
SELECT id, 'customers.accounts', 'annualRevenue' FROM roles WHERE name = 'support';
