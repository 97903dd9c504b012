-- Back to the narrower vocabulary: the events of the wider one are dropped with it.

CREATE TABLE audit_events_new (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    actor_id TEXT NOT NULL REFERENCES users (id),
    actor_role TEXT NOT NULL CHECK (actor_role IN ('school', 'consultant', 'executor', 'parent', 'swv_admin')),
    action TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'publish', 'consent', 'record_meeting', 'evaluate_goal', 'invite', 'accept_invitation')),
    object_type TEXT NOT NULL CHECK (object_type IN ('opp', 'opp_version', 'pupil', 'arrangement', 'invitation')),
    object_id TEXT NOT NULL,
    pupil_id TEXT REFERENCES pupils (id),
    client_address TEXT,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO audit_events_new (id, partnership_id, actor_id, actor_role, action, object_type, object_id, pupil_id, client_address, created_at)
    SELECT id, partnership_id, actor_id, actor_role, action, object_type, object_id, pupil_id, client_address, created_at FROM audit_events
    WHERE action NOT IN ('export', 'import', 'reset_two_factor') AND object_type NOT IN ('export', 'school_import', 'user');
DROP TABLE audit_events;
ALTER TABLE audit_events_new RENAME TO audit_events;
CREATE INDEX audit_events_partnership ON audit_events (partnership_id, created_at, id);
CREATE INDEX audit_events_pupil ON audit_events (pupil_id, created_at);
