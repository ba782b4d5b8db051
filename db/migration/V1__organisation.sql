-- Organisation (组织机构): the bureau, its units and officers.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

CREATE TABLE org_unit (
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    parent_code VARCHAR(32),
    kind        VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_org_unit PRIMARY KEY (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_code) REFERENCES org_unit (code)
);

CREATE TABLE org_officer (
    officer_no       VARCHAR(32)  NOT NULL,
    name             VARCHAR(50)  NOT NULL,
    unit_code        VARCHAR(32)  NOT NULL,
    dingtalk_user_id VARCHAR(64),
    mobile           VARCHAR(20),
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_org_officer PRIMARY KEY (officer_no),
    CONSTRAINT fk_org_officer_unit FOREIGN KEY (unit_code) REFERENCES org_unit (code)
);

CREATE INDEX ix_org_officer_unit ON org_officer (unit_code);

CREATE TABLE org_officer_role (
    officer_no VARCHAR(32) NOT NULL,
    role       VARCHAR(30) NOT NULL,
    CONSTRAINT pk_org_officer_role PRIMARY KEY (officer_no, role),
    CONSTRAINT fk_org_officer_role_officer FOREIGN KEY (officer_no) REFERENCES org_officer (officer_no)
);

CREATE INDEX ix_org_officer_role_role ON org_officer_role (role);
