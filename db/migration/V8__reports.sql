-- Supervision reports (监督日报、周报、月报): each report of a type and period is made once,
-- on a schedule or by an administrator, stored as it was sent and numbered per type and
-- year (第N期). Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

-- report_year, not year: YEAR is a reserved word in H2 2.x. period_end is the last day of
-- the period (inclusive). The two unique keys make a report of a type and period once,
-- whichever node makes it, and keep the issue numbers of a type and year distinct.
-- MEDIUMTEXT (16 MB) is valid on H2 and MySQL/MariaDB.
CREATE TABLE report (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    type         VARCHAR(10)  NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    issue_no     INT          NOT NULL,
    report_year  INT          NOT NULL,
    title        VARCHAR(200) NOT NULL,
    html         MEDIUMTEXT   NOT NULL,
    markdown     MEDIUMTEXT   NOT NULL,
    created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_report PRIMARY KEY (id),
    CONSTRAINT uq_report_period UNIQUE (type, period_start),
    CONSTRAINT uq_report_issue UNIQUE (type, report_year, issue_no),
    CONSTRAINT ck_report_type CHECK (type IN ('DAILY', 'WEEKLY', 'MONTHLY'))
);

CREATE INDEX ix_report_created ON report (created_at);

-- What the reports and the dashboard count by time, so that a period of a large bureau
-- (100 000 problems and their timelines) is read by range, not by a full scan.
CREATE INDEX ix_problem_closed ON problem (closed_at);
CREATE INDEX ix_problem_deadline ON problem (deadline);
CREATE INDEX ix_problem_event_kind_at ON problem_event (kind, at);
CREATE INDEX ix_doc_document_issued ON doc_document (issued_at);
