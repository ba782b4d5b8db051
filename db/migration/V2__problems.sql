-- Problems (执法问题), their timeline and the reference data they name.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

CREATE TABLE ref_source (
    code       VARCHAR(40)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    CONSTRAINT pk_ref_source PRIMARY KEY (code)
);

CREATE TABLE ref_category (
    code       VARCHAR(40)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    -- one of the seven links where blue problems are found (七个环节)
    blue_link  BOOLEAN      NOT NULL DEFAULT FALSE,
    sort_order INT          NOT NULL,
    CONSTRAINT pk_ref_category PRIMARY KEY (code)
);

-- the supervision channels of the seed bureaus (22+ 监督渠道)
INSERT INTO ref_source (code, name, sort_order) VALUES
    ('HOTLINE_12345', '12345政务服务热线', 10),
    ('HOTLINE_12389', '12389举报投诉热线', 20),
    ('PEOPLES_POLICING', '民生警务', 30),
    ('CHIEF_MAILBOX', '局长信箱', 40),
    ('PUBLIC_VISIT', '群众来访', 50),
    ('REVIEW_LITIGATION', '复议诉讼', 60),
    ('ONLINE_ENFORCEMENT_PATROL', '网上执法巡查', 70),
    ('ONLINE_VIDEO_PATROL', '网上视频巡查', 80),
    ('CASE_REVIEW_EVALUATION', '案件审核考评', 90),
    ('POLICE_REVISIT', '警务回访', 100),
    ('PROCURATORIAL_SUPERVISION', '检察监督', 110),
    ('RULE_WARNING', '规则预警', 120),
    ('DAILY_INSPECTION', '日常督察', 130),
    ('ENFORCEMENT_EVALUATION', '执法考评', 140),
    ('ALARM_REVIEW', '接处警核查', 150),
    ('PETITION', '涉警信访', 160),
    ('MEDIA', '舆情监测', 170);

INSERT INTO ref_category (code, name, blue_link, sort_order) VALUES
    ('ALARM_HANDLING', '接处警', TRUE, 10),
    ('CASE_FILING', '受立案', TRUE, 20),
    ('DAILY_INSPECTION', '日常督察', TRUE, 30),
    ('ENFORCEMENT_EVALUATION', '执法考评', TRUE, 40),
    ('ONLINE_PATROL', '网上巡查', TRUE, 50),
    ('POLICE_REVISIT', '警务回访', TRUE, 60),
    ('CASE_REVIEW', '案件审核', TRUE, 70),
    ('COERCIVE_MEASURE', '强制措施', FALSE, 80),
    ('CASE_PROPERTY', '涉案财物', FALSE, 90),
    ('LEGAL_DOCUMENT', '法律文书', FALSE, 100),
    ('CASE_HANDLING_AREA', '办案场所', FALSE, 110),
    ('CONDUCT', '执法作风', FALSE, 120),
    ('INCIDENT_DIVERSION', '警情分流', FALSE, 130);

CREATE TABLE problem (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    source              VARCHAR(40)   NOT NULL,
    category            VARCHAR(40)   NOT NULL,
    unit_code           VARCHAR(32)   NOT NULL,
    officer_no          VARCHAR(32),
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    occurred_at         TIMESTAMP     NULL,
    is_sensitive        BOOLEAN       NOT NULL DEFAULT FALSE,
    -- BLUE | YELLOW | RED, set by initial-level.dmn as the process starts
    level               VARCHAR(10),
    -- OPEN | RECTIFYING | REVIEWING | CLOSED
    status              VARCHAR(20)   NOT NULL,
    repeat_count        INT           NOT NULL DEFAULT 0,
    sign_deadline       TIMESTAMP     NULL,
    deadline            TIMESTAMP     NULL,
    signed_at           TIMESTAMP     NULL,
    reported_at         TIMESTAMP     NULL,
    closed_at           TIMESTAMP     NULL,
    closed_on_time      BOOLEAN,
    last_urged_at       TIMESTAMP     NULL,
    process_instance_id VARCHAR(64),
    -- rule + record of a detection finding (问题发现), so a rescan never opens it twice
    finding_key         VARCHAR(200),
    registered_by       VARCHAR(64),
    created_at          TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_problem PRIMARY KEY (id),
    CONSTRAINT uq_problem_finding UNIQUE (finding_key),
    CONSTRAINT fk_problem_source FOREIGN KEY (source) REFERENCES ref_source (code),
    CONSTRAINT fk_problem_category FOREIGN KEY (category) REFERENCES ref_category (code),
    CONSTRAINT fk_problem_unit FOREIGN KEY (unit_code) REFERENCES org_unit (code)
);

CREATE INDEX ix_problem_unit_status ON problem (unit_code, status);
CREATE INDEX ix_problem_level_status ON problem (level, status);
CREATE INDEX ix_problem_created ON problem (created_at);

-- The timeline (时间线): every level change, task, urging, document and message,
-- with time and actor. Written only by the application, never edited.
CREATE TABLE problem_event (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    problem_id BIGINT        NOT NULL,
    at         TIMESTAMP     NOT NULL,
    kind       VARCHAR(30)   NOT NULL,
    actor      VARCHAR(64),
    level      VARCHAR(10),
    detail     VARCHAR(1000),
    ref        VARCHAR(64),
    CONSTRAINT pk_problem_event PRIMARY KEY (id),
    CONSTRAINT fk_problem_event_problem FOREIGN KEY (problem_id) REFERENCES problem (id)
);

CREATE INDEX ix_problem_event_problem ON problem_event (problem_id, at);
