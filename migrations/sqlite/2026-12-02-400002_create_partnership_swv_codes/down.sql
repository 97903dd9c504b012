DROP TABLE partnership_swv_codes;
