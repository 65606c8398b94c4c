-- Servicekonto: accounts, their sessions, one-time tokens (e-mail verification, password
-- reset, e-mail change), throttling events, queued mail and the security audit log.
-- Tokens and session ids are stored as SHA-256 hashes only.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    email_verified_at INTEGER,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'citizen' CHECK (role IN ('citizen', 'caseworker', 'admin')),
    locale TEXT NOT NULL DEFAULT 'de',
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL,
    disabled_at INTEGER
);

-- Stammdaten, used to prefill applications. Every field is optional.
CREATE TABLE profiles (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    salutation TEXT,
    academic_title TEXT,
    given_names TEXT,
    family_name TEXT,
    birth_name TEXT,
    birth_date TEXT,
    birth_place TEXT,
    nationality TEXT,
    street TEXT,
    house_number TEXT,
    postcode TEXT,
    city TEXT,
    gemeinde_ags TEXT,
    country TEXT,
    phone TEXT,
    updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    -- When the password (or a second factor) was last entered in this session.
    authenticated_at INTEGER NOT NULL,
    trust_level TEXT NOT NULL CHECK (trust_level IN ('basic', 'substantial')),
    user_agent TEXT,
    ip TEXT
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email-change')),
    new_email TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);

-- Sign-in attempts and other throttled actions: `kind` names the counter, `subject` what
-- it counts (an IP, or a hash of e-mail and IP).
CREATE TABLE throttle_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX throttle_events_lookup ON throttle_events (kind, subject, at);

-- Mail waiting to be sent, and (in development, without SMTP) the outbox shown at /dev/mail.
CREATE TABLE mail_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    failed_at INTEGER
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, next_attempt_at);

-- Security events, append-only (enforced by triggers). `account_id` has no foreign key:
-- the record outlives a deleted account.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    account_id INTEGER,
    actor_id INTEGER,
    event TEXT NOT NULL,
    ip TEXT,
    detail TEXT
);
CREATE INDEX audit_log_account ON audit_log (account_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
