DROP TABLE integral_actions;
