DROP TABLE opp_goal_evaluations;
DROP TABLE opp_meetings;
DROP TABLE opp_consents;
DROP TABLE opp_versions;
DROP TABLE opps;
