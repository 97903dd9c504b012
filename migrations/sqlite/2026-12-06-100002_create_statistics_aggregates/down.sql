DROP INDEX arrangement_milestones_started;
DROP INDEX arrangement_milestones_decided;
DROP INDEX arrangement_milestones_clocks;
DROP INDEX arrangements_statistics_end;
DROP INDEX arrangements_statistics_clocks;
CREATE INDEX arrangement_milestones_decided ON arrangement_milestones
    (partnership_id, decided_on, school_id, kind, request_to_decision_days, definitive_to_decision_days, decided_late);
CREATE INDEX arrangement_milestones_started ON arrangement_milestones
    (partnership_id, started_on, school_id, kind, grant_to_start_days);
CREATE INDEX arrangement_milestones_clocks ON arrangement_milestones
    (partnership_id, status, kind, policy_version, definitive_on, granted_on, school_id);
CREATE INDEX arrangements_statistics_created ON arrangements
    (partnership_id, created_at, school_id, kind, status);
CREATE INDEX arrangements_statistics_clocks ON arrangements
    (partnership_id, status, kind, policy_version, start_route, created_at, school_id);
CREATE INDEX arrangements_statistics_end ON arrangements
    (partnership_id, status, kind, policy_version, end_date, school_id);
DROP TABLE statistics_clocks;
DROP TABLE statistics_durations;
DROP TABLE statistics_money;
DROP TABLE statistics_counts;
