-- Per-user settings of the web app, kept apart from `users` so that account data and
-- presentation choices change independently. One row per user, created on the first change;
-- no row means the defaults (Dutch).
CREATE TABLE user_preferences (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL
);
