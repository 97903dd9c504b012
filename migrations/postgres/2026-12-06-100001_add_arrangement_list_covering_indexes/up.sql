-- The arrangement list answers a page from one index, without touching the table: each scope
-- has an index that starts with it (the partnership for the SWV office; a school for school
-- staff and for each school of a consultant's caseload), then the status when filtered, then
-- the order (updated_at, id), and includes every column a list line shows. A line's pupil
-- count is kept on the arrangement (written with its pupils, `db::arrangements::set_pupils`)
-- so that it is in the index too, not counted per line. Executors' lists are short: their
-- indexes only order them.
ALTER TABLE arrangements ADD COLUMN pupil_count INTEGER NOT NULL DEFAULT 0;
UPDATE arrangements SET pupil_count =
    (SELECT COUNT(*) FROM arrangement_pupils p WHERE p.arrangement_id = arrangements.id);

DROP INDEX arrangements_partnership_updated;
DROP INDEX arrangements_partnership_status_updated;
DROP INDEX arrangements_school_updated;
DROP INDEX arrangements_school_status;
DROP INDEX arrangements_executor;
CREATE INDEX arrangements_partnership_updated ON arrangements (partnership_id, updated_at, id)
    INCLUDE (school_id, kind, status, title, pupil_count);
CREATE INDEX arrangements_partnership_status_updated ON arrangements (partnership_id, status, updated_at, id)
    INCLUDE (school_id, kind, title, pupil_count);
CREATE INDEX arrangements_school_updated ON arrangements (school_id, updated_at, id)
    INCLUDE (kind, status, title, pupil_count);
CREATE INDEX arrangements_school_status_updated ON arrangements (school_id, status, updated_at, id)
    INCLUDE (kind, title, pupil_count);
CREATE INDEX arrangements_executor_updated ON arrangements (executor_id, updated_at, id);
CREATE INDEX arrangements_executor_status_updated ON arrangements (executor_id, status, updated_at, id);
