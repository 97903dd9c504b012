DROP TABLE consultation_arrangements;
DROP TABLE consultation_meetings;
DROP TABLE consultations;
