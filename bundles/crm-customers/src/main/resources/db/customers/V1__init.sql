-- Customers: accounts (companies) and their contacts. Timestamps are UTC.
-- Duplicate rules hold under concurrency because the database enforces them: each table has a
-- generated key that is NULL once the row is soft-deleted (NULLs never collide in a UNIQUE index).

CREATE TABLE accounts (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    name           VARCHAR(200)  NOT NULL,
    website        VARCHAR(255)  NULL,
    industry       VARCHAR(100)  NULL,
    phone          VARCHAR(50)   NULL,
    email          VARCHAR(254)  NULL,
    street         VARCHAR(200)  NULL,
    city           VARCHAR(100)  NULL,
    postal_code    VARCHAR(20)   NULL,
    country        CHAR(2)       NULL COMMENT 'ISO 3166-1 alpha-2, upper case',
    annual_revenue DECIMAL(19,2) NULL,
    employees      INT           NULL,
    owner_id       BIGINT        NOT NULL,
    version        INT           NOT NULL DEFAULT 1,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    deleted_at     DATETIME(6)   NULL,
    -- the website without scheme, "www." and trailing slashes: what duplicates and q= compare
    website_host   VARCHAR(255)  AS (REGEXP_REPLACE(REGEXP_REPLACE(LOWER(TRIM(website)), '^(https?://)?(www[.])?', ''), '/+$', '')) PERSISTENT,
    -- name + website of a live account, normalized; NULL when deleted
    live_key       VARCHAR(460)  AS (IF(deleted_at IS NULL,
                       CONCAT(LOWER(TRIM(name)), '|',
                              REGEXP_REPLACE(REGEXP_REPLACE(LOWER(TRIM(COALESCE(website, ''))), '^(https?://)?(www[.])?', ''), '/+$', '')),
                       NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_accounts_live_key (live_key),
    KEY ix_accounts_name (name, id),
    KEY ix_accounts_created_at (created_at, id),
    KEY ix_accounts_updated_at (updated_at, id),
    KEY ix_accounts_annual_revenue (annual_revenue, id),
    KEY ix_accounts_employees (employees, id),
    KEY ix_accounts_industry (industry, name, id),
    KEY ix_accounts_country (country, name, id),
    KEY ix_accounts_city (city, name, id),
    KEY ix_accounts_owner (owner_id, name, id),
    KEY ix_accounts_email (email, id),
    KEY ix_accounts_website (website, id),
    KEY ix_accounts_website_host (website_host, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contacts (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NULL,
    first_name  VARCHAR(100) NULL,
    last_name   VARCHAR(100) NOT NULL,
    email       VARCHAR(254) NULL,
    phone       VARCHAR(50)  NULL,
    title       VARCHAR(100) NULL,
    owner_id    BIGINT       NOT NULL,
    version     INT          NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    deleted_at  DATETIME(6)  NULL,
    -- the e-mail of a live contact, lower case; NULL when deleted or without e-mail
    live_email  VARCHAR(254) AS (IF(deleted_at IS NULL, LOWER(TRIM(email)), NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY ux_contacts_live_email (live_email),
    CONSTRAINT fk_contacts_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    KEY ix_contacts_account (account_id, last_name, id),
    KEY ix_contacts_last_name (last_name, id),
    KEY ix_contacts_first_name (first_name, id),
    KEY ix_contacts_email (email, id),
    KEY ix_contacts_owner (owner_id, last_name, id),
    KEY ix_contacts_created_at (created_at, id),
    KEY ix_contacts_updated_at (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
