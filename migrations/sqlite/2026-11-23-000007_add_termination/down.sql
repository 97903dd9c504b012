ALTER TABLE arrangements DROP COLUMN terminated_on;
