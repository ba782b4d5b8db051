-- Triage (分派) and call back (回访) of the public's tickets.
-- An intake is triaged once: accepted (a new problem, problem_id) or merged into an open
-- problem (problem_id), referred to another department (refer_to) or rejected, with the
-- reason. Its callback_status says where its call back stands:
--   NONE         its channel does not call back, or nothing to call back yet
--   WAITING      accepted/merged: waiting for the problem to be approved
--   PENDING      a 回访 task is open (or the next attempt is due)
--   SATISFIED / BASICALLY_SATISFIED   the last call reached the complainant
--   DISSATISFIED the complainant was dissatisfied; the legal captain reviews it
--   EXPLAINED    the captain upheld the outcome (已解释)
--   REOPENED     the captain reopened the problem (back to 整改)
--   UNREACHABLE  three calls reached nobody (无法联系)
-- Each call is a row of intake_callback: round 1 is the first call back, round 2 the second
-- call for a sensitive problem; a reopened problem's calls continue the rounds.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.
ALTER TABLE intake ADD COLUMN problem_id BIGINT;
ALTER TABLE intake ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE intake ADD COLUMN triaged_at TIMESTAMP NULL;
ALTER TABLE intake ADD COLUMN triaged_by VARCHAR(64);
ALTER TABLE intake ADD COLUMN refer_to VARCHAR(100);
ALTER TABLE intake ADD COLUMN triage_reason VARCHAR(1000);
ALTER TABLE intake ADD COLUMN callback_status VARCHAR(20) DEFAULT 'NONE' NOT NULL;
ALTER TABLE intake ADD COLUMN closed_at TIMESTAMP NULL;
ALTER TABLE intake ADD CONSTRAINT fk_intake_problem FOREIGN KEY (problem_id) REFERENCES problem (id);

CREATE INDEX ix_intake_problem ON intake (problem_id);
CREATE INDEX ix_intake_received ON intake (received_at);

CREATE TABLE intake_callback (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    intake_id   BIGINT        NOT NULL,
    round_no    INT           NOT NULL,
    attempt     INT           NOT NULL,
    outcome     VARCHAR(24)   NOT NULL,
    note        VARCHAR(1000),
    called_at   TIMESTAMP     NOT NULL,
    called_by   VARCHAR(64)   NOT NULL,
    task_id     VARCHAR(64)   NOT NULL,
    -- the review of a DISSATISFIED call (回访复核): REOPEN or UPHOLD, by the legal captain
    review_decision VARCHAR(10),
    review_note     VARCHAR(1000),
    reviewed_at     TIMESTAMP NULL,
    reviewed_by     VARCHAR(64),
    CONSTRAINT pk_intake_callback PRIMARY KEY (id),
    -- a completed task is recorded once, whichever node completes it
    CONSTRAINT uq_intake_callback_task UNIQUE (task_id),
    CONSTRAINT fk_intake_callback_intake FOREIGN KEY (intake_id) REFERENCES intake (id),
    CONSTRAINT ck_intake_callback_outcome CHECK (outcome IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'UNREACHABLE')),
    CONSTRAINT ck_intake_callback_review CHECK (review_decision IS NULL OR review_decision IN ('REOPEN', 'UPHOLD'))
);

CREATE INDEX ix_intake_callback_intake ON intake_callback (intake_id, id);
CREATE INDEX ix_intake_callback_called ON intake_callback (called_at);
