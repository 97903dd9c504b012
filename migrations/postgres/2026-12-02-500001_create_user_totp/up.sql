-- Two-factor authentication (TOTP) of staff accounts: one secret per user. A row without
-- confirmed_at is an enrollment in progress; last_step is the time step (Unix time / 30) of the
-- last accepted code, so the same code cannot be used twice.
CREATE TABLE user_totp (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    secret TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    last_step BIGINT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
