DROP TABLE logbook_entries;
DROP TABLE evaluation_outcomes;
DROP TABLE evaluations;
