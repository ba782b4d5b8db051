-- Intake (诉求受理): the tickets a channel's platform or a person hands in, one row per
-- channel and ticket number (two nodes receiving the same ticket at once store it once).
-- The complainant's name, phone (canonical form) and id number are stored only encrypted
-- (AES-GCM, "v1:" + base64), the phone and the id number also as a blind index (HMAC-SHA256,
-- base64url) for later look-up and de-duplication: no column holds them in clear.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.
CREATE TABLE intake (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    source               VARCHAR(40)   NOT NULL,
    ticket_no            VARCHAR(64)   NOT NULL,
    received_at          TIMESTAMP     NOT NULL,
    content              VARCHAR(4000) NOT NULL,
    complainant_name     VARCHAR(400),
    complainant_phone    VARCHAR(200),
    complainant_phone_ix VARCHAR(64),
    complainant_id       VARCHAR(200),
    complainant_id_ix    VARCHAR(64),
    unit_hint            VARCHAR(100),
    incident_no          VARCHAR(64),
    case_no              VARCHAR(64),
    status               VARCHAR(20)   NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    created_by           VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_intake PRIMARY KEY (id),
    CONSTRAINT uq_intake_ticket UNIQUE (source, ticket_no),
    CONSTRAINT fk_intake_source FOREIGN KEY (source) REFERENCES ref_source (code),
    CONSTRAINT ck_intake_status CHECK (status IN ('PENDING_TRIAGE', 'ACCEPTED', 'MERGED', 'REFERRED', 'REJECTED'))
);

CREATE INDEX ix_intake_status ON intake (status, id);
CREATE INDEX ix_intake_phone_ix ON intake (complainant_phone_ix);
CREATE INDEX ix_intake_id_ix ON intake (complainant_id_ix);
