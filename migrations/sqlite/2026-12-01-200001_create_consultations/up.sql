-- Consultations: the school's support question before a proposal (startgesprek, analyse &
-- ondersteuning, breed overleg), with anonymised pupil information, the consultant's triage
-- and the meetings held.

CREATE TABLE consultations (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('start_meeting', 'analysis_and_support', 'broad_meeting')),
    arrangement_kind TEXT NOT NULL CHECK (arrangement_kind IN ('individual', 'cluster', 'integral')),
    support_question TEXT NOT NULL,
    -- JSON array of {"code", "stimulatingFactors", …}: anonymised, never a name
    pupils TEXT NOT NULL,
    group_information TEXT,
    information_sufficient BOOLEAN,
    involve_board BOOLEAN,
    involve_youth_care BOOLEAN,
    triage_note TEXT,
    triaged_by TEXT REFERENCES users (id),
    triaged_at TIMESTAMP,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consultations_partnership ON consultations (partnership_id, updated_at);

CREATE TABLE consultation_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    held_on DATE NOT NULL,
    -- JSON array of {"name", "organisation", "userId"}: youth care, JGZ, attendance officer too
    participants TEXT NOT NULL,
    minutes TEXT NOT NULL,
    agreements TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX consultation_meetings_consultation ON consultation_meetings (consultation_id, held_on);

-- The arrangement(s) a consultation led to; an arrangement comes from at most one.
CREATE TABLE consultation_arrangements (
    arrangement_id TEXT PRIMARY KEY NOT NULL REFERENCES arrangements (id),
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    linked_at TIMESTAMP NOT NULL
);
CREATE INDEX consultation_arrangements_consultation ON consultation_arrangements (consultation_id);
