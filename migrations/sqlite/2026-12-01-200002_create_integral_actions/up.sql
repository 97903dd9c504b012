-- "Who does what when" of an integral arrangement, agreed in the broad meeting. Owners are
-- often youth-care partners without an account: a name and an organisation.

CREATE TABLE integral_actions (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    description TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    owner_organisation TEXT,
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX integral_actions_arrangement ON integral_actions (arrangement_id, due_on);
