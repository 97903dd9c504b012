-- GET /statistics reads these sums instead of a million rows. They are kept in step in the
-- transaction of every change that moves them (api/src/db/statistics_aggregates.rs): the
-- creation, every status change and every proposal change of an arrangement, and every
-- rewrite of its facts (arrangement_milestones, arrangement_money_years). Rows whose count
-- falls to zero stay (with n = 0) and are left out by the queries.

-- Arrangements per school, kind and status, by the (UTC) year in which they were created.
CREATE TABLE statistics_counts (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    created_year INTEGER NOT NULL,
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, created_year, school_id, kind, status)
);
INSERT INTO statistics_counts (partnership_id, created_year, school_id, kind, status, n)
SELECT partnership_id, CAST(EXTRACT(YEAR FROM created_at) AS INTEGER), school_id, kind, status, COUNT(*)
FROM arrangements GROUP BY 1, 2, 3, 4, 5;

-- The money of arrangement_money_years summed per calendar year, school and kind.
CREATE TABLE statistics_money (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    year INTEGER NOT NULL,
    school_id TEXT NOT NULL REFERENCES schools (id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    n BIGINT NOT NULL,
    granted_cents BIGINT NOT NULL,
    paid_at_grant_cents BIGINT NOT NULL,
    after_accountability_cents BIGINT NOT NULL,
    settlement_cents BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, year, school_id, kind)
);
INSERT INTO statistics_money (partnership_id, year, school_id, kind, n, granted_cents, paid_at_grant_cents,
    after_accountability_cents, settlement_cents)
SELECT partnership_id, year, school_id, kind, COUNT(*), SUM(granted_cents), SUM(paid_at_grant_cents),
    SUM(after_accountability_cents), SUM(settlement_cents)
FROM arrangement_money_years GROUP BY 1, 2, 3, 4;

-- How many arrangements took how many days between two milestones (a histogram, so medians
-- stay exact), per partnership, kind and the year of the milestone that ends the span: the
-- decision for request_to_decision and definitive_to_decision, the start for grant_to_start.
-- `late` counts those decided after the decision was due. The statistics of the whole
-- partnership read this; those of some schools read arrangement_milestones by school.
CREATE TABLE statistics_durations (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    measure TEXT NOT NULL CHECK (measure IN ('request_to_decision', 'definitive_to_decision', 'grant_to_start')),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    days INTEGER NOT NULL,
    n BIGINT NOT NULL,
    late BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, measure, year, kind, days)
);
INSERT INTO statistics_durations (partnership_id, measure, year, kind, days, n, late)
SELECT partnership_id, 'request_to_decision', CAST(EXTRACT(YEAR FROM decided_on) AS INTEGER), kind,
    request_to_decision_days, COUNT(*), SUM(CASE WHEN decided_late = TRUE THEN 1 ELSE 0 END)
FROM arrangement_milestones WHERE request_to_decision_days IS NOT NULL AND decided_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT partnership_id, 'definitive_to_decision', CAST(EXTRACT(YEAR FROM decided_on) AS INTEGER), kind,
    definitive_to_decision_days, COUNT(*), SUM(CASE WHEN decided_late = TRUE THEN 1 ELSE 0 END)
FROM arrangement_milestones WHERE definitive_to_decision_days IS NOT NULL AND decided_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT partnership_id, 'grant_to_start', CAST(EXTRACT(YEAR FROM started_on) AS INTEGER), kind,
    grant_to_start_days, COUNT(*), SUM(CASE WHEN decided_late = TRUE THEN 1 ELSE 0 END)
FROM arrangement_milestones WHERE grant_to_start_days IS NOT NULL AND started_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

-- How many clocks of the overdue deadlines start on each day, per partnership, source, status,
-- kind and rules version (0: none recorded yet): the day an arrangement was created (when it
-- started directly), its end date, its last make-definitive and its last grant (from its
-- milestones). A deadline count of the whole partnership sums the days up to the last day a
-- clock may have started and be overdue today.
CREATE TABLE statistics_clocks (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id),
    source TEXT NOT NULL CHECK (source IN ('created', 'end_date', 'definitive', 'granted')),
    status TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'cluster', 'integral')),
    policy_version INTEGER NOT NULL,
    day DATE NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, source, status, kind, policy_version, day)
);
INSERT INTO statistics_clocks (partnership_id, source, status, kind, policy_version, day, n)
SELECT partnership_id, 'created', status, kind, COALESCE(policy_version, 0), CAST(created_at AS DATE), COUNT(*)
FROM arrangements WHERE start_route = 'direct_start' GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT partnership_id, 'end_date', status, kind, COALESCE(policy_version, 0), end_date, COUNT(*)
FROM arrangements WHERE end_date IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT partnership_id, 'definitive', status, kind, COALESCE(policy_version, 0), definitive_on, COUNT(*)
FROM arrangement_milestones WHERE definitive_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT partnership_id, 'granted', status, kind, COALESCE(policy_version, 0), granted_on, COUNT(*)
FROM arrangement_milestones WHERE granted_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;

-- The statistics of some schools (a school's staff, a consultant's caseload, a school filter)
-- read the arrangements and their milestones by school: these indexes start with the school
-- (and end with the partnership, checked in the index). They replace the indexes that
-- started with the partnership, whose figures now come from the sums above.
DROP INDEX arrangements_statistics_created;
DROP INDEX arrangements_statistics_clocks;
DROP INDEX arrangements_statistics_end;
DROP INDEX arrangement_milestones_decided;
DROP INDEX arrangement_milestones_started;
DROP INDEX arrangement_milestones_clocks;
CREATE INDEX arrangements_statistics_clocks ON arrangements
    (school_id, status, kind, policy_version, start_route, created_at, partnership_id);
CREATE INDEX arrangements_statistics_end ON arrangements
    (school_id, status, kind, policy_version, end_date, partnership_id);
CREATE INDEX arrangement_milestones_clocks ON arrangement_milestones
    (school_id, status, kind, policy_version, definitive_on, granted_on, partnership_id);
CREATE INDEX arrangement_milestones_decided ON arrangement_milestones
    (school_id, decided_on, kind, request_to_decision_days, definitive_to_decision_days, decided_late, partnership_id);
CREATE INDEX arrangement_milestones_started ON arrangement_milestones
    (school_id, started_on, kind, grant_to_start_days, decided_late, partnership_id);
