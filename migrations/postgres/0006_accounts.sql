-- Servicekonto: accounts, their sessions, one-time tokens (e-mail verification, password
-- reset, e-mail change), throttling events, queued mail and the security audit log.
-- Tokens and session ids are stored as SHA-256 hashes only.
CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    email_verified_at BIGINT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'citizen' CHECK (role IN ('citizen', 'caseworker', 'admin')),
    locale TEXT NOT NULL DEFAULT 'de',
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- Stammdaten, used to prefill applications. Every field is optional.
CREATE TABLE profiles (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
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
    updated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    -- When the password (or a second factor) was last entered in this session.
    authenticated_at BIGINT NOT NULL,
    trust_level TEXT NOT NULL CHECK (trust_level IN ('basic', 'substantial')),
    user_agent TEXT,
    ip TEXT
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email-change')),
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);

-- Sign-in attempts and other throttled actions: `kind` names the counter, `subject` what
-- it counts (an IP, or a hash of e-mail and IP).
CREATE TABLE throttle_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX throttle_events_lookup ON throttle_events (kind, subject, at);

-- Mail waiting to be sent, and (in development, without SMTP) the outbox shown at /dev/mail.
CREATE TABLE mail_queue (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at BIGINT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    failed_at BIGINT
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, next_attempt_at);

-- Security events, append-only (enforced by triggers). `account_id` has no foreign key:
-- the record outlives a deleted account.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    account_id BIGINT,
    actor_id BIGINT,
    event TEXT NOT NULL,
    ip TEXT,
    detail TEXT
);
CREATE INDEX audit_log_account ON audit_log (account_id, at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
