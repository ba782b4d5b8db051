-- Evidence of a rectification (整改佐证材料): the files the responsible unit or the legal
-- department uploads to prove a problem was rectified. The bytes live in the database, so
-- that every node serves them and a database backup holds them; a file is never changed
-- and never deleted: withdrawing one (before the review starts) only marks it.
-- (MySQL/MariaDB syntax; db/vendor/h2 holds the same tables for H2:
-- the content column is BLOB on H2, LONGBLOB on MySQL, whose BLOB stops at 64 KB.)

-- One uploaded file as judged and stored: its type from its content (never its name),
-- its SHA-256 and size, who uploaded it for which unit, and whether it was withdrawn.
-- uploaded_at has an explicit default: MariaDB would otherwise give the first TIMESTAMP
-- column ON UPDATE CURRENT_TIMESTAMP and a withdrawal would rewrite the upload time.
CREATE TABLE evidence (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    problem_id    BIGINT        NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    note          VARCHAR(500),
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploader_unit VARCHAR(32),
    uploaded_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    withdrawn_at  TIMESTAMP     NULL,
    withdrawn_by  VARCHAR(64),
    CONSTRAINT pk_evidence PRIMARY KEY (id),
    CONSTRAINT fk_evidence_problem FOREIGN KEY (problem_id) REFERENCES problem (id)
);

CREATE INDEX ix_evidence_problem ON evidence (problem_id, id);

-- The bytes, apart from the metadata so that lists never touch them.
CREATE TABLE evidence_content (
    evidence_id BIGINT   NOT NULL,
    content     LONGBLOB NOT NULL,
    CONSTRAINT pk_evidence_content PRIMARY KEY (evidence_id),
    CONSTRAINT fk_evidence_content_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id)
);
