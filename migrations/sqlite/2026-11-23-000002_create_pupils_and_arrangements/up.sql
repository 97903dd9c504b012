-- Pupils and their guardians, partnership policies, arrangements and their history.

CREATE TABLE pupils (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_of_birth DATE NOT NULL,
    group_name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pupils_school_name ON pupils (school_id, last_name, first_name, id);

-- A parent account's right to see a pupil.
CREATE TABLE guardianships (
    pupil_id TEXT NOT NULL REFERENCES pupils (id),
    parent_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (pupil_id, parent_id)
);
CREATE INDEX guardianships_parent ON guardianships (parent_id);

-- A partnership's rules as a JSON document; every edit is a new version, never an update.
CREATE TABLE policies (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (partnership_id, version)
);

CREATE TABLE arrangements (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved',
        'definitive', 'granted', 'rejected', 'in_execution', 'closed', 'terminated', 'withdrawn')),
    title TEXT NOT NULL,
    start_route TEXT NOT NULL CHECK (start_route IN ('direct_start', 'internal_advice', 'quote_first')),
    care_scope TEXT NOT NULL CHECK (care_scope IN ('education_only', 'education_plus_care')),
    goals_pupils TEXT NOT NULL,
    goals_teacher TEXT NOT NULL,
    goals_school TEXT NOT NULL,
    support_description TEXT NOT NULL,
    direct_minutes_per_week INTEGER,
    indirect_minutes_per_week INTEGER,
    outside_class_minutes_per_week INTEGER,
    weeks INTEGER,
    start_date DATE,
    end_date DATE,
    executor_kind TEXT CHECK (executor_kind IN ('internal', 'external')),
    executor_id TEXT REFERENCES executors (id),
    staff_function TEXT,
    salary_scale TEXT,
    hourly_rate_cents BIGINT,
    case_director TEXT,
    consultant_id TEXT REFERENCES users (id),
    policy_version INTEGER,
    previous_id TEXT REFERENCES arrangements (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (executor_kind IS NULL OR executor_kind <> 'external' OR executor_id IS NOT NULL)
);
CREATE INDEX arrangements_partnership_updated ON arrangements (partnership_id, updated_at, id);
CREATE INDEX arrangements_school_status ON arrangements (school_id, status);
CREATE INDEX arrangements_executor ON arrangements (executor_id);

CREATE TABLE arrangement_pupils (
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    pupil_id TEXT NOT NULL REFERENCES pupils (id),
    PRIMARY KEY (arrangement_id, pupil_id)
);
CREATE INDEX arrangement_pupils_pupil ON arrangement_pupils (pupil_id);

-- The dossier's history: one row per action, append-only.
CREATE TABLE arrangement_events (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    actor_id TEXT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT,
    justification TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX arrangement_events_arrangement ON arrangement_events (arrangement_id, created_at);
