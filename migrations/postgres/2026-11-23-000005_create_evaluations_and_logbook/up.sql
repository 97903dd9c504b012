-- Evaluations (interim and final) with an outcome per pupil, and the consultant's logbook.

CREATE TABLE evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    kind TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
    planned_on DATE NOT NULL,
    -- JSON array of {"name", "organisation", "userId"}: people without an account take part too
    participants TEXT NOT NULL,
    held_on DATE,
    summary TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX evaluations_arrangement ON evaluations (arrangement_id, planned_on);

CREATE TABLE evaluation_outcomes (
    evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
    pupil_id TEXT NOT NULL REFERENCES pupils (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('continue', 'adjust', 'extend', 'close')),
    reasons TEXT NOT NULL,
    PRIMARY KEY (evaluation_id, pupil_id)
);

-- Process notes only: never notes about individual pupils.
CREATE TABLE logbook_entries (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX logbook_entries_arrangement ON logbook_entries (arrangement_id, created_at);
