-- The deputy leader's instructions at 督办 (督办批示, Task_SuperviseInstruction): one row per
-- completed task, 批示 with its text or 已阅 without; shown on the problem page and printed on
-- the 督办单 issued after it. The text's length is the form's.
CREATE TABLE problem_instruction (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    problem_id   BIGINT        NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,
    kind         VARCHAR(10)   NOT NULL,
    text         VARCHAR(2000),
    officer_no   VARCHAR(64)   NOT NULL,
    officer_name VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT pk_problem_instruction PRIMARY KEY (id),
    CONSTRAINT uq_problem_instruction_task UNIQUE (task_id),
    CONSTRAINT fk_problem_instruction_problem FOREIGN KEY (problem_id) REFERENCES problem (id),
    CONSTRAINT ck_problem_instruction_kind CHECK (kind IN ('批示', '已阅'))
);

CREATE INDEX ix_problem_instruction_problem ON problem_instruction (problem_id, created_at);
