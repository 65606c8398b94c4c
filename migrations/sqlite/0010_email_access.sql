-- Applying with only an e-mail address: an account made that way has no password
-- (`accounts.password_hash` is the empty string) and is signed in by a single-use link
-- (token purpose `sign-in`), which also says where to go on (`next_path`). Setting a
-- password later (the reset link) makes it a full Servicekonto.
-- SQLite cannot change a CHECK constraint, so account_tokens is rebuilt (no table refers
-- to it).
CREATE TABLE account_tokens_new (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email-change', 'sign-in')),
    new_email TEXT,
    next_path TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
INSERT INTO account_tokens_new (token_hash, account_id, purpose, new_email, created_at, expires_at, used_at)
    SELECT token_hash, account_id, purpose, new_email, created_at, expires_at, used_at FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_new RENAME TO account_tokens;
CREATE INDEX account_tokens_account ON account_tokens (account_id, purpose);
