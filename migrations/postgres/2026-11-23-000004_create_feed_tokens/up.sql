-- Read-only calendar feed tokens: a calendar app cannot send a bearer token, so the feed URL
-- carries a secret. Only its SHA-256 is stored; revoking sets revoked_at.
CREATE TABLE feed_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX feed_tokens_user ON feed_tokens (user_id);
