-- Tenancy (partnerships), organisations and user accounts.
-- Portable column types (see README "Two databases"): ids are UUID text made in Rust,
-- timestamps are UTC, enums are TEXT with a CHECK constraint.

CREATE TABLE partnerships (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE school_boards (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    board_number TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (partnership_id, board_number)
);

CREATE TABLE schools (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_board_id TEXT NOT NULL REFERENCES school_boards (id),
    brin_code TEXT NOT NULL,
    name TEXT NOT NULL,
    school_type TEXT NOT NULL CHECK (school_type IN ('regular', 'sbo', 'so')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (partnership_id, brin_code)
);
CREATE INDEX schools_partnership_name ON schools (partnership_id, name, id);

CREATE TABLE executors (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('school', 'consultant', 'executor', 'parent', 'swv_admin')),
    password_hash TEXT NOT NULL,
    school_id TEXT REFERENCES schools (id),
    executor_id TEXT REFERENCES executors (id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    -- school staff belong to exactly one school, executors to one organisation; nobody else has either
    CHECK ((role = 'school') = (school_id IS NOT NULL)),
    CHECK ((role = 'executor') = (executor_id IS NOT NULL))
);
CREATE INDEX users_partnership ON users (partnership_id, role);

-- A consultant's caseload: the schools they are assigned to.
CREATE TABLE consultant_assignments (
    consultant_id TEXT NOT NULL REFERENCES users (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (consultant_id, school_id)
);
CREATE INDEX consultant_assignments_school ON consultant_assignments (school_id);
