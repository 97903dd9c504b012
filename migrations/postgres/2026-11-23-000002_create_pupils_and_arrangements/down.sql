DROP TABLE arrangement_events;
DROP TABLE arrangement_pupils;
DROP TABLE arrangements;
DROP TABLE policies;
DROP TABLE guardianships;
DROP TABLE pupils;
