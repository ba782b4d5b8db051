-- Enforcement documents (文书) issued at each escalation level: 执法建议书 (blue),
-- 纠正违法通知书 (yellow), 执法问题督办单 (red), each numbered (文号) per type and year
-- without gaps. Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

-- The last sequence number issued per document type and year. The transaction that
-- stores a document locks the row (SELECT ... FOR UPDATE) and raises it, so that two
-- nodes never hand out the same number and a rollback hands it back.
-- (last_seq, not last_value: LAST_VALUE is a reserved word in MySQL 8.)
CREATE TABLE doc_sequence (
    doc_type VARCHAR(30) NOT NULL,
    doc_year INT         NOT NULL,
    last_seq INT         NOT NULL,
    CONSTRAINT pk_doc_sequence PRIMARY KEY (doc_type, doc_year)
);

-- The guard row: the first issuer of a type in a new year locks it before it inserts
-- that year's row, so that first issuers racing on several nodes queue here instead of
-- colliding on the primary key (see DocumentSequence).
INSERT INTO doc_sequence (doc_type, doc_year, last_seq) VALUES ('*', 0, 0);

-- A document as issued: the HTML is rendered once, at issue, and never again, so the
-- document stays as it was sent. MEDIUMTEXT (16 MB) is valid on H2 and MySQL/MariaDB.
CREATE TABLE doc_document (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    problem_id BIGINT       NOT NULL,
    unit_code  VARCHAR(32)  NOT NULL,
    doc_type   VARCHAR(30)  NOT NULL,
    doc_year   INT          NOT NULL,
    seq        INT          NOT NULL,
    number     VARCHAR(64)  NOT NULL,
    title      VARCHAR(200),
    html       MEDIUMTEXT   NOT NULL,
    issued_at  TIMESTAMP    NOT NULL,
    issued_by  VARCHAR(64),
    CONSTRAINT pk_doc_document PRIMARY KEY (id),
    CONSTRAINT uq_doc_document_number UNIQUE (number),
    CONSTRAINT uq_doc_document_seq UNIQUE (doc_type, doc_year, seq),
    CONSTRAINT fk_doc_document_unit FOREIGN KEY (unit_code) REFERENCES org_unit (code)
);

CREATE INDEX ix_doc_document_problem ON doc_document (problem_id);
