-- The development plan (OPP) of a pupil: one per pupil, a draft and immutable published
-- versions; the guardians' consent per version (append-only); the OOGO meeting; evaluations
-- per goal over time.

CREATE TABLE opps (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    pupil_id TEXT NOT NULL UNIQUE REFERENCES pupils (id),
    -- JSON OppContent
    draft TEXT NOT NULL,
    latest_version INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE opp_versions (
    opp_id TEXT NOT NULL REFERENCES opps (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    -- JSON OppContent, never updated
    content TEXT NOT NULL,
    published_by TEXT NOT NULL REFERENCES users (id),
    published_at TIMESTAMP NOT NULL,
    PRIMARY KEY (opp_id, number)
);

CREATE TABLE opp_consents (
    id TEXT PRIMARY KEY NOT NULL,
    opp_id TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    guardian_id TEXT NOT NULL REFERENCES users (id),
    decision TEXT NOT NULL CHECK (decision IN ('agree', 'disagree', 'withdraw')),
    parent_view TEXT,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (opp_id, version_number) REFERENCES opp_versions (opp_id, number)
);
CREATE INDEX opp_consents_version ON opp_consents (opp_id, version_number, created_at);

CREATE TABLE opp_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    opp_id TEXT NOT NULL REFERENCES opps (id),
    held_on DATE NOT NULL,
    -- JSON array of strings
    participants TEXT NOT NULL,
    outcome TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX opp_meetings_opp ON opp_meetings (opp_id, held_on);

CREATE TABLE opp_goal_evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    opp_id TEXT NOT NULL REFERENCES opps (id),
    goal_id TEXT NOT NULL,
    goal_description TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('achieved', 'partly_achieved', 'not_achieved')),
    note TEXT NOT NULL,
    evaluated_on DATE NOT NULL,
    with_parents BOOLEAN NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX opp_goal_evaluations_opp ON opp_goal_evaluations (opp_id, evaluated_on);
