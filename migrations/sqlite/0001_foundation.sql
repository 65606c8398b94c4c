-- Feedback on the portal's accessibility (BITV 2.0 § 7).
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    name TEXT,
    email TEXT,
    page TEXT,
    message TEXT NOT NULL
);
CREATE INDEX feedback_received_at ON feedback (received_at);

-- What a refused no-JavaScript form post leaves for the next page view (post/redirect/get).
-- The browser holds the token in a cookie; only its SHA-256 is stored.
CREATE TABLE form_flash (
    token_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (token_hash, kind)
);
CREATE INDEX form_flash_expires_at ON form_flash (expires_at);
