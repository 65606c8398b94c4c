-- Applying with only an e-mail address: an account made that way has no password
-- (`accounts.password_hash` is the empty string) and is signed in by a single-use link
-- (token purpose `sign-in`), which also says where to go on (`next_path`). Setting a
-- password later (the reset link) makes it a full Servicekonto.
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('verify', 'reset', 'email-change', 'sign-in'));
ALTER TABLE account_tokens ADD COLUMN next_path TEXT;
