-- The audit log also records exports, school imports and two-factor resets (they were log
-- lines only).

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_object_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN ('read', 'create', 'update', 'publish', 'consent', 'record_meeting', 'evaluate_goal', 'invite', 'accept_invitation', 'export', 'import', 'reset_two_factor'));
ALTER TABLE audit_events ADD CONSTRAINT audit_events_object_type_check CHECK (object_type IN ('opp', 'opp_version', 'pupil', 'arrangement', 'invitation', 'export', 'school_import', 'user'));
