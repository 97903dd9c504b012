DROP TABLE arrangement_preconditions;
