-- Back to the narrower vocabulary: the events of the wider one are dropped with it.

DELETE FROM audit_events WHERE action IN ('export', 'import', 'reset_two_factor') OR object_type IN ('export', 'school_import', 'user');
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_object_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN ('read', 'create', 'update', 'publish', 'consent', 'record_meeting', 'evaluate_goal', 'invite', 'accept_invitation'));
ALTER TABLE audit_events ADD CONSTRAINT audit_events_object_type_check CHECK (object_type IN ('opp', 'opp_version', 'pupil', 'arrangement', 'invitation'));
