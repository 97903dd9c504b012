-- A guardian's invitation: a one-time, expiring link. Only a hash of the token is stored.

CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    pupil_id TEXT NOT NULL REFERENCES pupils (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX invitations_pupil ON invitations (pupil_id, created_at);
