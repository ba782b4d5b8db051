-- A report's issue number (期号) is now its period's place in the year (daily: the day of the
-- year, weekly: the week, monthly: the month), so that numbers follow the periods' order even
-- when an earlier period's report is made later by hand. A period is made once
-- (uq_report_period), so its number is unique by construction; the old key, which reports
-- numbered in the order they were made could collide with, goes.
-- (MySQL/MariaDB syntax; db/vendor/h2 holds the same change for H2.)
ALTER TABLE report DROP INDEX uq_report_issue;
