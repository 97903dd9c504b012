DROP TABLE consultant_assignments;
DROP TABLE users;
DROP TABLE executors;
DROP TABLE schools;
DROP TABLE school_boards;
DROP TABLE partnerships;
