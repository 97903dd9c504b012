-- The executor's workspace: quotes (offertes) the school accepts, and progress reports.

CREATE TABLE quotes (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    executor_id TEXT NOT NULL REFERENCES executors (id),
    direct_minutes_per_week INTEGER NOT NULL,
    indirect_minutes_per_week INTEGER NOT NULL,
    hourly_rate_cents BIGINT NOT NULL,
    amount_cents BIGINT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'declined')),
    submitted_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP
);
CREATE INDEX quotes_arrangement ON quotes (arrangement_id, created_at);

CREATE TABLE progress_reports (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX progress_reports_arrangement ON progress_reports (arrangement_id, created_at);
