-- Documents of a dossier. The content lives in the database so that one backup holds
-- everything and a write is atomic with its metadata.
CREATE TABLE attachments (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    kind TEXT NOT NULL CHECK (kind IN ('opp', 'quote', 'agreement', 'hours_statement', 'start_meeting_report',
        'consultant_advice', 'teacher_school_goals', 'test_overview', 'research_report', 'action_plan',
        'evaluation', 'decision_letter', 'other')),
    pupil_id TEXT REFERENCES pupils (id),
    document_date DATE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_arrangement ON attachments (arrangement_id, created_at);
