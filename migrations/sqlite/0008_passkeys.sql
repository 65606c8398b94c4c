-- Passkeys (WebAuthn): each credential with its public key and counter as webauthn-rs
-- stores it (JSON), and the state of a started ceremony (registration or sign-in), kept
-- for five minutes. Accounts get a random WebAuthn user handle when they add one.
ALTER TABLE accounts ADD COLUMN webauthn_id TEXT;

CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    passkey TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX passkeys_account ON passkeys (account_id);

CREATE TABLE webauthn_ceremonies (
    id_hash TEXT PRIMARY KEY,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('register', 'sign-in')),
    state TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
