-- Statistics are SQL aggregates (GROUP BY in the database). What cannot be aggregated in SQL
-- alike on both backends is kept per arrangement, written in the transaction of every status
-- change by the same Rust code that serves the dossier (api/src/services/statistics/facts.rs):
-- the dates of the milestones and the days between them, and the money per calendar year
-- (the calendar-year split and payment schedule of shared::money).

CREATE TABLE arrangement_milestones (
    arrangement_id TEXT PRIMARY KEY NOT NULL REFERENCES arrangements (id),
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    -- copies of the arrangement's status and governing policy version as of its last action
    -- (every status change writes this row), so the deadline counts read one index
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved',
        'definitive', 'granted', 'rejected', 'in_execution', 'closed', 'terminated', 'withdrawn')),
    policy_version INTEGER,
    -- the first submit (the request)
    submitted_on DATE,
    -- the last make-definitive and the last grant (the dates the deadline clocks run from)
    definitive_on DATE,
    granted_on DATE,
    started_on DATE,
    -- the formal decision: a grant or a rejection
    decided_on DATE,
    decision TEXT CHECK (decision IN ('granted', 'rejected')),
    -- when the decision was due by the partnership's service level (definitive + n weeks)
    decision_due_on DATE,
    request_to_decision_days INTEGER,
    definitive_to_decision_days INTEGER,
    grant_to_start_days INTEGER,
    decided_late BOOLEAN,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX arrangement_milestones_decided ON arrangement_milestones
    (partnership_id, decided_on, school_id, kind, request_to_decision_days, definitive_to_decision_days, decided_late);
CREATE INDEX arrangement_milestones_started ON arrangement_milestones
    (partnership_id, started_on, school_id, kind, grant_to_start_days);
CREATE INDEX arrangement_milestones_clocks ON arrangement_milestones
    (partnership_id, status, kind, policy_version, definitive_on, granted_on, school_id);

CREATE TABLE arrangement_money_years (
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    year INTEGER NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    granted_cents BIGINT NOT NULL,
    paid_at_grant_cents BIGINT NOT NULL,
    after_accountability_cents BIGINT NOT NULL,
    settlement_cents BIGINT NOT NULL,
    PRIMARY KEY (arrangement_id, year)
);
CREATE INDEX arrangement_money_years_partnership ON arrangement_money_years
    (partnership_id, year, school_id, kind, granted_cents, paid_at_grant_cents, after_accountability_cents, settlement_cents);

-- Every export (CSV, Excel): who, what, with which filters, how many rows. Append-only.
CREATE TABLE export_events (
    id TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    actor_id TEXT NOT NULL REFERENCES users (id),
    actor_role TEXT NOT NULL CHECK (actor_role IN ('school', 'consultant', 'executor', 'parent', 'swv_admin')),
    export TEXT NOT NULL CHECK (export IN ('arrangements', 'payments', 'statistics')),
    format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
    filters TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    client_address TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX export_events_partnership ON export_events (partnership_id, created_at, id);

-- The counts per year (requested in the year) and the deadline counts per status, kind and
-- policy version read only these indexes.
CREATE INDEX arrangements_statistics_created ON arrangements
    (partnership_id, created_at, school_id, kind, status);
CREATE INDEX arrangements_statistics_clocks ON arrangements
    (partnership_id, status, kind, policy_version, start_route, created_at, school_id);
CREATE INDEX arrangements_statistics_end ON arrangements
    (partnership_id, status, kind, policy_version, end_date, school_id);
CREATE INDEX opp_goal_evaluations_evaluated ON opp_goal_evaluations (evaluated_on, opp_id, result);
CREATE INDEX integral_actions_open_due ON integral_actions (status, due_on, arrangement_id);
CREATE INDEX attachments_research_reports ON attachments (kind, document_date, arrangement_id);
