DROP TABLE arrangement_reductions;
