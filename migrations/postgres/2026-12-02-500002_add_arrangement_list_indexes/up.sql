-- The arrangement list is ordered by (updated_at, id), newest first, and filtered by scope
-- (the school, or the schools of a consultant) and often by status: with these indexes the
-- first page is read in order instead of sorting every arrangement in scope.
CREATE INDEX arrangements_school_updated ON arrangements (school_id, updated_at, id);
CREATE INDEX arrangements_partnership_status_updated ON arrangements (partnership_id, status, updated_at, id);
