-- Users, roles, permissions and API tokens of the platform.
-- Every DATETIME column holds UTC wall-clock time, written by the application (see UtcTime).

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    email         VARCHAR(254) NULL,
    password_hash VARCHAR(255) NULL COMMENT 'PHC string ($argon2id$...); NULL = no password sign-in',
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    locked        BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'locked by an administrator',
    failed_logins INT          NOT NULL DEFAULT 0 COMMENT 'consecutive wrong passwords',
    locked_until  DATETIME(3)  NULL COMMENT 'temporary lockout after too many wrong passwords',
    version       INT          NOT NULL DEFAULT 1,
    created_at    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    deleted_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE roles (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255) NOT NULL DEFAULT '',
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'shipped with Mosaic; cannot be deleted',
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at  DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    CONSTRAINT uq_roles_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- resource: a dotted resource name, "module.*" for everything of a module, or "*" for every resource.
-- action: an io.mosaic.crm.sdk.security.Action name, or "*" for every action.
CREATE TABLE role_permissions (
    role_id  BIGINT       NOT NULL,
    resource VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    action   VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (role_id, resource, action),
    CONSTRAINT fk_role_permissions_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
    CONSTRAINT ck_role_permissions_action
        CHECK (action IN ('*', 'READ', 'CREATE', 'EDIT', 'DELETE', 'EXPORT', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, role_id),
    KEY ix_user_roles_role (role_id),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A token reads msc_<prefix>_<secret>; only the SHA-256 of the secret is kept.
-- The prefix is compared case-sensitively (ascii_bin), as it is random mixed-case text.
CREATE TABLE api_tokens (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    prefix        CHAR(8)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    secret_sha256 BINARY(32)   NOT NULL,
    name          VARCHAR(100) NOT NULL,
    scope         VARCHAR(1000) NULL COMMENT 'space-separated resource:action grants; NULL = all of the user''s',
    expires_at    DATETIME(3)  NULL,
    last_used_at  DATETIME(3)  NULL,
    revoked_at    DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_prefix UNIQUE (prefix),
    KEY ix_api_tokens_user (user_id),
    CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO roles (name, description, built_in) VALUES
    ('admin', 'Every action on every resource', TRUE),
    ('read-only', 'Reads every resource, changes nothing', TRUE);

INSERT INTO role_permissions (role_id, resource, action)
SELECT id, '*', '*' FROM roles WHERE name = 'admin';

INSERT INTO role_permissions (role_id, resource, action)
SELECT id, '*', 'READ' FROM roles WHERE name = 'read-only';
