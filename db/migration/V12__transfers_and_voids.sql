-- Transfers (申请改派) and voids (作废) of a problem.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB (one column per statement).

-- A void: who, when and why. status becomes VOID; the row stays for the audit and the
-- reports' 作废 line, and leaves every other figure.
ALTER TABLE problem ADD COLUMN voided_at TIMESTAMP NULL;
ALTER TABLE problem ADD COLUMN voided_by VARCHAR(64);
ALTER TABLE problem ADD COLUMN void_reason VARCHAR(500);

CREATE INDEX ix_problem_voided ON problem (voided_at);

-- A document re-issued to the unit a problem was transferred to supersedes the one issued
-- before: the old row stays as it was sent and names its successor.
ALTER TABLE doc_document ADD COLUMN superseded_by BIGINT;

-- A voided problem's deductions are reversed, not deleted: the row stays as the audit of
-- what was charged and when it was given back; the monthly scores count only rows not reversed.
ALTER TABLE score_deduction ADD COLUMN reversed_at TIMESTAMP NULL;
ALTER TABLE score_deduction ADD COLUMN reversed_by VARCHAR(64);
