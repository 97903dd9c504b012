DROP TABLE short_term_joiners;
