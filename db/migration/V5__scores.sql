-- Enforcement quality score deductions (执法质量积分): one row per problem and level
-- reached, for the unit and for the responsible officer.
CREATE TABLE score_deduction (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    problem_id    BIGINT      NOT NULL,
    level         VARCHAR(10) NOT NULL,
    unit_code     VARCHAR(32) NOT NULL,
    officer_no    VARCHAR(32),
    unit_points   INT         NOT NULL,
    officer_points INT        NOT NULL,
    score_month   CHAR(7)     NOT NULL,
    at            TIMESTAMP   NOT NULL,
    CONSTRAINT pk_score_deduction PRIMARY KEY (id),
    CONSTRAINT uq_score_deduction UNIQUE (problem_id, level),
    CONSTRAINT fk_score_deduction_problem FOREIGN KEY (problem_id) REFERENCES problem (id)
);

CREATE INDEX ix_score_deduction_month_unit ON score_deduction (score_month, unit_code);
CREATE INDEX ix_score_deduction_month_officer ON score_deduction (score_month, officer_no);
