-- The authorities' side of applications: who works for which authority, the status
-- workflow with its timeline, assignment, internal notes, the Postfach, and delivery to
-- the authorities' specialist systems (a transactional outbox, webhooks, API keys).

-- Caseworkers belong to one or more authorities (managed by admins).
CREATE TABLE authority_members (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    authority_id TEXT NOT NULL REFERENCES authorities (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, authority_id)
);
CREATE INDEX authority_members_by_authority ON authority_members (authority_id);

-- Who handles it, when its status last changed, and the applicant's name as answered
-- (for the inbox's search; frozen with the answers).
ALTER TABLE applications ADD COLUMN assignee_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE applications ADD COLUMN status_changed_at BIGINT;
ALTER TABLE applications ADD COLUMN applicant_name TEXT;
CREATE INDEX applications_inbox ON applications (authority_id, status, submitted_at);

-- The timeline of a submitted application: every status change and assignment, with
-- actor and time. Append-only (triggers), like the audit log.
CREATE TABLE application_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    at BIGINT NOT NULL,
    -- applicant, caseworker, system (a specialist system through the API), portal
    actor_kind TEXT NOT NULL,
    actor_id BIGINT,
    -- status, assigned, message
    kind TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    detail TEXT
);
CREATE INDEX application_events_by_application ON application_events (application_id, at);
CREATE FUNCTION application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'application_events is append-only';
END;
$$;
CREATE TRIGGER application_events_no_change BEFORE UPDATE OR DELETE ON application_events
    FOR EACH ROW EXECUTE FUNCTION application_events_append_only();

-- Notes of the authority, never shown to the applicant.
CREATE TABLE case_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX case_notes_by_application ON case_notes (application_id, at);

-- The Postfach: messages between an applicant and the authority, in the thread of an
-- application, or general messages of the portal (application_id NULL).
CREATE TABLE messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    -- The citizen whose Postfach holds it (NULL once that account is deleted: the thread
    -- of an application stays with the authority's file).
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    application_id BIGINT REFERENCES applications (id),
    sender TEXT NOT NULL CHECK (sender IN ('applicant', 'authority', 'portal')),
    -- The caseworker who wrote it, if one did.
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    -- When the other side first opened it.
    read_at BIGINT
);
CREATE INDEX messages_by_account ON messages (account_id, sent_at);
CREATE INDEX messages_by_application ON messages (application_id, sent_at);

-- Files that came with a message (an answer to a query, a decision as PDF).
ALTER TABLE attachments ADD COLUMN message_id BIGINT REFERENCES messages (id);

-- How each authority's specialist system takes submissions: a signed webhook (the key is
-- sealed with the portal's secret key) and/or pulling with API keys.
CREATE TABLE authority_channels (
    authority_id TEXT PRIMARY KEY REFERENCES authorities (id),
    webhook_url TEXT,
    webhook_secret TEXT,
    updated_at BIGINT NOT NULL
);

-- Keys of specialist systems: hashed, scoped to one authority, revocable.
CREATE TABLE api_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES authorities (id),
    name TEXT NOT NULL,
    -- The visible start of the key, to recognise it in lists.
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    -- Space-separated: read, status, messages.
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_keys_by_authority ON api_keys (authority_id);

-- The outbox: one row per event of an application for its authority, written in the
-- same transaction as the event. The worker delivers webhooks at least once with
-- backoff; pulling systems acknowledge. Rows that failed for good (failed_at) are the
-- dead-letter list.
CREATE TABLE deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    authority_id TEXT NOT NULL,
    -- submitted, withdrawn, message
    event TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    delivered_at BIGINT,
    acknowledged_at BIGINT,
    failed_at BIGINT
);
CREATE INDEX deliveries_due ON deliveries (delivered_at, failed_at, next_attempt_at);
CREATE INDEX deliveries_by_authority ON deliveries (authority_id, acknowledged_at);
CREATE INDEX deliveries_by_application ON deliveries (application_id);
