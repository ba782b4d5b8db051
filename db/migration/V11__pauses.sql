-- Pauses of the rectification clock (暂停计时): a unit asks, the legal brigade captain
-- decides; an approved pause runs from from_at until the unit resumes or the problem's
-- pause allowance (deadlines.dmn maxPauseDays) is spent. Portable SQL: the same script runs
-- on H2 and on MySQL 8 / MariaDB. While an approved pause runs, problem.status is PAUSED (暂停计时).
CREATE TABLE problem_pause (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    problem_id   BIGINT        NOT NULL,
    requested_at TIMESTAMP     NOT NULL,
    requested_by VARCHAR(64),
    -- AWAIT_INSTRUCTION | AWAIT_EXTERNAL | OTHER
    reason       VARCHAR(40)   NOT NULL,
    detail       VARCHAR(4000),
    decided_by   VARCHAR(64),
    -- APPROVED | REJECTED | LAPSED (the rectification deadline passed before a decision); NULL while asked
    decision     VARCHAR(20),
    decided_at   TIMESTAMP     NULL,
    from_at      TIMESTAMP     NULL,
    to_at        TIMESTAMP     NULL,
    -- RESUMED (by the unit) | EXPIRED (the allowance was spent)
    ended_by     VARCHAR(20),
    -- the working days the pause moved the deadline by, from from_at's date up to to_at's date
    working_days INT,
    CONSTRAINT pk_problem_pause PRIMARY KEY (id),
    CONSTRAINT fk_problem_pause_problem FOREIGN KEY (problem_id) REFERENCES problem (id)
);

CREATE INDEX ix_problem_pause_problem ON problem_pause (problem_id, requested_at);
