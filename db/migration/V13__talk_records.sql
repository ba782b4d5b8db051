-- The records of the talk reminders (纪委督察谈话提醒, yellow) and leadership interviews
-- (主要领导约谈, red): one per completed task, with the unit and officer responsible when it
-- was held and its numbered document (谈话提醒记录, 约谈记录). Column lengths are the forms'.
CREATE TABLE problem_talk (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    problem_id     BIGINT        NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    task_id        VARCHAR(64)   NOT NULL,
    unit_code      VARCHAR(32)   NOT NULL,
    officer_no     VARCHAR(32),
    held_at        TIMESTAMP     NOT NULL,
    participants   VARCHAR(200)  NOT NULL,
    talk_record    VARCHAR(4000) NOT NULL,
    measures       VARCHAR(2000),
    accountability VARCHAR(30),
    recorded_by    VARCHAR(64)   NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    document_id    BIGINT,
    CONSTRAINT pk_problem_talk PRIMARY KEY (id),
    CONSTRAINT uq_problem_talk_task UNIQUE (task_id),
    CONSTRAINT fk_problem_talk_problem FOREIGN KEY (problem_id) REFERENCES problem (id),
    CONSTRAINT ck_problem_talk_kind CHECK (kind IN ('DISCIPLINE_TALK', 'LEADERSHIP_INTERVIEW'))
);

CREATE INDEX ix_problem_talk_problem ON problem_talk (problem_id);
CREATE INDEX ix_problem_talk_recorded ON problem_talk (recorded_at);

-- Points an accountability outcome (通报批评, 追责问责) deducts from the responsible officer,
-- once per talk record (jiandu.scoring.accountability-points); the monthly ranking adds them
-- to the levels' deductions (score_deduction).
CREATE TABLE score_accountability (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    talk_id        BIGINT      NOT NULL,
    problem_id     BIGINT      NOT NULL,
    outcome        VARCHAR(30) NOT NULL,
    unit_code      VARCHAR(32) NOT NULL,
    officer_no     VARCHAR(32) NOT NULL,
    officer_points INT         NOT NULL,
    score_month    CHAR(7)     NOT NULL,
    at             TIMESTAMP   NOT NULL,
    CONSTRAINT pk_score_accountability PRIMARY KEY (id),
    CONSTRAINT uq_score_accountability_talk UNIQUE (talk_id),
    CONSTRAINT fk_score_accountability_talk FOREIGN KEY (talk_id) REFERENCES problem_talk (id)
);

CREATE INDEX ix_score_accountability_month ON score_accountability (score_month, officer_no);
