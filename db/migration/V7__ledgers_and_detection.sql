-- Enforcement ledgers (台账) imported from the case system (闭环/警综), and problem
-- detection (问题发现) over them: rule findings, runs and the lock that keeps runs apart.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

-- One import of a ledger file. Its progress is written in short transactions of their own
-- while the import's one big transaction runs, so that GET /api/ledgers/imports/{id} shows
-- the rows read and stored so far; rows_stored falls back to 0 when the import fails.
CREATE TABLE ledger_import (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    -- incidents | cases | measures
    kind         VARCHAR(20)   NOT NULL,
    -- RUNNING | DONE | FAILED
    status       VARCHAR(10)   NOT NULL,
    rows_read    BIGINT        NOT NULL DEFAULT 0,
    rows_stored  BIGINT        NOT NULL DEFAULT 0,
    created      BIGINT        NOT NULL DEFAULT 0,
    updated      BIGINT        NOT NULL DEFAULT 0,
    error_count  BIGINT        NOT NULL DEFAULT 0,
    message      VARCHAR(1000),
    started_by   VARCHAR(64),
    started_at   TIMESTAMP     NOT NULL,
    -- the last progress written: an import RUNNING long after it is one whose node died
    heartbeat_at TIMESTAMP     NOT NULL,
    finished_at  TIMESTAMP     NULL,
    CONSTRAINT pk_ledger_import PRIMARY KEY (id)
);

CREATE INDEX ix_ledger_import_status ON ledger_import (status, id);

-- Every ledger row keeps the import that last wrote it (import_id) and when (changed_at,
-- the app clock). Import ids only grow, so "written since the last run" is
-- import_id > the run's mark: an incremental run re-evaluates these rows, plus the rows
-- whose deadline passed since the last run (found by their time columns' indexes), plus
-- the rows with open findings. No foreign keys between the ledgers: the case system's
-- exports come in any order; the import checks the references itself.

-- 警情: one per incident number.
CREATE TABLE ledger_incident (
    incident_no VARCHAR(64)   NOT NULL,
    unit_code   VARCHAR(32)   NOT NULL,
    -- ADMINISTRATIVE 行政 | CRIMINAL 刑事 | OTHER
    category    VARCHAR(20)   NOT NULL,
    -- 接警
    received_at TIMESTAMP     NOT NULL,
    -- 分流
    diverted_at TIMESTAMP     NULL,
    summary     VARCHAR(1000),
    import_id   BIGINT        NOT NULL,
    changed_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_ledger_incident PRIMARY KEY (incident_no),
    CONSTRAINT fk_ledger_incident_unit FOREIGN KEY (unit_code) REFERENCES org_unit (code)
);

CREATE INDEX ix_ledger_incident_received ON ledger_incident (received_at);
CREATE INDEX ix_ledger_incident_import ON ledger_incident (import_id);

-- 案件: one per case number, with the dates of its documents.
CREATE TABLE ledger_case (
    case_no          VARCHAR(64) NOT NULL,
    incident_no      VARCHAR(64),
    unit_code        VARCHAR(32) NOT NULL,
    -- 主办民警
    officer_no       VARCHAR(32),
    -- ADMINISTRATIVE | CRIMINAL
    category         VARCHAR(20) NOT NULL,
    -- 受案登记表, 受案回执, 立案决定书, 立案告知书, 不予立案决定, 结案
    accepted_at      TIMESTAMP   NULL,
    receipt_at       TIMESTAMP   NULL,
    filed_at         TIMESTAMP   NULL,
    filing_notice_at TIMESTAMP   NULL,
    not_filed_at     TIMESTAMP   NULL,
    closed_at        TIMESTAMP   NULL,
    import_id        BIGINT      NOT NULL,
    changed_at       TIMESTAMP   NOT NULL,
    CONSTRAINT pk_ledger_case PRIMARY KEY (case_no),
    CONSTRAINT fk_ledger_case_unit FOREIGN KEY (unit_code) REFERENCES org_unit (code)
);

-- the rules look up an incident's cases and when they were accepted, filed or not filed
CREATE INDEX ix_ledger_case_incident ON ledger_case (incident_no, accepted_at);
CREATE INDEX ix_ledger_case_accepted ON ledger_case (accepted_at);
CREATE INDEX ix_ledger_case_filed ON ledger_case (filed_at);
-- covering: an incremental run reads the incidents of the cases an import wrote from the index alone
CREATE INDEX ix_ledger_case_import ON ledger_case (import_id, incident_no);

-- 强制措施: one per measure number; its unit and officer are its case's.
CREATE TABLE ledger_measure (
    measure_no   VARCHAR(64) NOT NULL,
    case_no      VARCHAR(64) NOT NULL,
    -- BAIL 取保候审 | RESIDENTIAL_SURVEILLANCE 监视居住 | DETENTION 拘留
    measure_type VARCHAR(30) NOT NULL,
    start_at     TIMESTAMP   NULL,
    -- 期限届满
    end_at       TIMESTAMP   NULL,
    -- 解除
    released_at  TIMESTAMP   NULL,
    import_id    BIGINT      NOT NULL,
    changed_at   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_ledger_measure PRIMARY KEY (measure_no)
);

CREATE INDEX ix_ledger_measure_case ON ledger_measure (case_no);
CREATE INDEX ix_ledger_measure_end ON ledger_measure (end_at);
CREATE INDEX ix_ledger_measure_import ON ledger_measure (import_id);

-- A rule's finding on one record (rule + record key), kept so that a rescan never opens
-- the same problem twice. OPEN while the record still shows the step missing; RECTIFIED
-- once later data shows it done (however late) or the violation gone.
CREATE TABLE detection_finding (
    rule          VARCHAR(40) NOT NULL,
    record_key    VARCHAR(64) NOT NULL,
    unit_code     VARCHAR(32) NOT NULL,
    officer_no    VARCHAR(32),
    -- BLUE | YELLOW | RED: the worst the rule has given the record
    level         VARCHAR(10) NOT NULL,
    -- OPEN | RECTIFIED
    status        VARCHAR(10) NOT NULL,
    problem_id    BIGINT,
    first_seen_at TIMESTAMP   NOT NULL,
    last_seen_at  TIMESTAMP   NOT NULL,
    rectified_at  TIMESTAMP   NULL,
    CONSTRAINT pk_detection_finding PRIMARY KEY (rule, record_key),
    CONSTRAINT fk_detection_finding_problem FOREIGN KEY (problem_id) REFERENCES problem (id)
);

CREATE INDEX ix_detection_finding_status ON detection_finding (rule, status);
CREATE INDEX ix_detection_finding_unit ON detection_finding (unit_code, rule);
CREATE INDEX ix_detection_finding_problem ON detection_finding (problem_id);

-- One run of the rules. A scheduled run first claims its slot (slot_key, e.g.
-- 2026-03-10T08:00): the unique key lets one node of several run it; manual runs have none.
CREATE TABLE detection_run (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    slot_key    VARCHAR(40),
    -- FULL | INCREMENTAL
    run_mode    VARCHAR(12)   NOT NULL,
    -- WAITING (slot claimed, lock not yet) | RUNNING | DONE | FAILED
    status      VARCHAR(10)   NOT NULL,
    -- the app's clock when the rules were evaluated
    as_of       TIMESTAMP     NOT NULL,
    -- the previous run's as_of: deadlines passed since then are looked for (incremental)
    since_at    TIMESTAMP     NULL,
    -- every import with an id up to this had ended when the run started
    import_mark BIGINT        NOT NULL DEFAULT 0,
    opened      INT           NOT NULL DEFAULT 0,
    raised      INT           NOT NULL DEFAULT 0,
    rectified   INT           NOT NULL DEFAULT 0,
    failed      INT           NOT NULL DEFAULT 0,
    -- findings per rule, as JSON
    summary     VARCHAR(2000),
    message     VARCHAR(1000),
    started_by  VARCHAR(64),
    finished_at TIMESTAMP     NULL,
    CONSTRAINT pk_detection_run PRIMARY KEY (id),
    CONSTRAINT uq_detection_run_slot UNIQUE (slot_key)
);

CREATE INDEX ix_detection_run_status ON detection_run (status, id);

-- The lease that keeps runs apart, across nodes: a run takes it by an update only one
-- node can win, renews it while it works and gives it back at the end; a node that died
-- holding it loses it when locked_until passes.
CREATE TABLE detection_lock (
    name         VARCHAR(40) NOT NULL,
    holder       VARCHAR(64),
    locked_until TIMESTAMP   NULL,
    CONSTRAINT pk_detection_lock PRIMARY KEY (name)
);

INSERT INTO detection_lock (name, holder, locked_until) VALUES ('rules', NULL, NULL);
