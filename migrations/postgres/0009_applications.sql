-- Online applications: the published versions of each application form (a version never
-- changes once stored), drafts and submitted applications with their answers, attachments
-- (the bytes live in the object store; here name, type, size and checksum), and the
-- counters behind the human-friendly reference numbers (SL-2026-000042).
CREATE TABLE form_versions (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    service_slug TEXT NOT NULL,
    definition TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    PRIMARY KEY (form_id, version)
);
CREATE INDEX form_versions_by_service ON form_versions (service_slug);

CREATE TABLE applications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Random, in the addresses of drafts; the reference number comes at submission.
    public_id TEXT NOT NULL UNIQUE,
    reference TEXT UNIQUE,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- Applicants without an account (services that allow it) give a confirmed address.
    email TEXT,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    service_slug TEXT NOT NULL,
    gemeinde_ags TEXT,
    authority_id TEXT,
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    -- Where each prefilled answer came from (JSON: path to profile field).
    prefilled TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    expires_at BIGINT,
    reminded_at BIGINT,
    idempotency_key TEXT UNIQUE,
    FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version)
);
CREATE INDEX applications_by_account ON applications (account_id, status);
CREATE INDEX applications_by_expiry ON applications (status, expires_at);

CREATE TABLE attachments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    field_path TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_by_application ON attachments (application_id);

CREATE TABLE reference_counters (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);
