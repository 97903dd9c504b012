DROP TABLE progress_reports;
DROP TABLE quotes;
