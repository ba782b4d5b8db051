-- Process owners (流程管理员) move running problems to a corrected version of a process
-- (POST /api/admin/processes/migrations). One row per migration started as a Camunda batch,
-- one per process instance it moves: the timeline entry (流程版本由 v1 迁移至 v2) is written
-- once per instance, when the instance is seen on the new version, and the row marks it
-- written (escalation/ProcessMigrations).
CREATE TABLE process_migration (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id        VARCHAR(64)   NOT NULL,
    process_key     VARCHAR(255)  NOT NULL,
    from_definition VARCHAR(64)   NOT NULL,
    from_version    INT           NOT NULL,
    to_definition   VARCHAR(64)   NOT NULL,
    to_version      INT           NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    actor_name      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_process_migration PRIMARY KEY (id),
    CONSTRAINT uq_process_migration_batch UNIQUE (batch_id)
);

-- outcome: PENDING until the instance is seen on the new version (MIGRATED, timeline written)
-- or the batch is gone and it is not (NOT_MIGRATED: the batch's job failed for it, or it ended)
CREATE TABLE process_migration_instance (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    migration_id        BIGINT       NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    problem_id          BIGINT,
    outcome             VARCHAR(20)  NOT NULL,
    settled_at          TIMESTAMP    NULL,
    CONSTRAINT pk_process_migration_instance PRIMARY KEY (id),
    CONSTRAINT uq_process_migration_instance UNIQUE (migration_id, process_instance_id),
    CONSTRAINT fk_process_migration_instance FOREIGN KEY (migration_id) REFERENCES process_migration (id),
    CONSTRAINT ck_process_migration_outcome CHECK (outcome IN ('PENDING', 'MIGRATED', 'NOT_MIGRATED'))
);

CREATE INDEX ix_process_migration_instance_outcome ON process_migration_instance (outcome);

-- A new latest version that running problems cannot move to (they wait in activities it no
-- longer has): reported once per latest definition, in the log and in
-- GET /api/admin/processes/{processKey}/versions.
CREATE TABLE process_version_notice (
    definition_id VARCHAR(64)    NOT NULL,
    process_key   VARCHAR(255)   NOT NULL,
    version       INT            NOT NULL,
    stranded      INT            NOT NULL,
    detail        VARCHAR(2000)  NOT NULL,
    created_at    TIMESTAMP      NOT NULL,
    CONSTRAINT pk_process_version_notice PRIMARY KEY (definition_id)
);
