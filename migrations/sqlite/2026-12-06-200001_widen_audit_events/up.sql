-- The audit log also records exports, school imports and two-factor resets (they were log
-- lines only). SQLite cannot change a CHECK constraint: the table is rebuilt, rows kept.

CREATE TABLE audit_events_new (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    actor_id TEXT NOT NULL REFERENCES users (id),
    actor_role TEXT NOT NULL CHECK (actor_role IN ('school', 'consultant', 'executor', 'parent', 'swv_admin')),
    action TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'publish', 'consent', 'record_meeting', 'evaluate_goal', 'invite', 'accept_invitation', 'export', 'import', 'reset_two_factor')),
    object_type TEXT NOT NULL CHECK (object_type IN ('opp', 'opp_version', 'pupil', 'arrangement', 'invitation', 'export', 'school_import', 'user')),
    object_id TEXT NOT NULL,
    pupil_id TEXT REFERENCES pupils (id),
    client_address TEXT,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO audit_events_new (id, partnership_id, actor_id, actor_role, action, object_type, object_id, pupil_id, client_address, created_at)
    SELECT id, partnership_id, actor_id, actor_role, action, object_type, object_id, pupil_id, client_address, created_at FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_new RENAME TO audit_events;
CREATE INDEX audit_events_partnership ON audit_events (partnership_id, created_at, id);
CREATE INDEX audit_events_pupil ON audit_events (pupil_id, created_at);
