-- DingTalk to-dos (钉钉待办) kept in step with the Tasklist: one row per user task of the
-- configured kinds. The engine's task listener writes what DingTalk should show (desired_state)
-- in the task's own transaction, with an outbox row (channel TODO); the dispatcher makes
-- DingTalk match and writes what it did (actual_state).
CREATE TABLE dingtalk_todo (
    -- the Camunda task id; also the to-do's sourceId at DingTalk
    task_id         VARCHAR(64)   NOT NULL,
    task_key        VARCHAR(100)  NOT NULL,
    problem_id      BIGINT,
    level           VARCHAR(10),
    subject         VARCHAR(1024) NOT NULL,
    description     VARCHAR(2000),
    due_at          TIMESTAMP     NULL,
    -- the path the to-do opens inside DingTalk (免登), e.g. the Tasklist's task
    detail_path     VARCHAR(500)  NOT NULL,
    -- comma-separated DingTalk userIds of those who may act on the task (执行者)
    executors       VARCHAR(4000),
    -- OPEN | DONE | DELETED: what DingTalk should show
    desired_state   VARCHAR(10)   NOT NULL,
    -- NONE | CREATING (a create was sent, its answer not yet seen) | OPEN | DONE | DELETED:
    -- what DingTalk shows as far as we know
    actual_state    VARCHAR(10)   NOT NULL,
    -- the version DingTalk shows (subject, due, executors): behind version, the to-do is updated
    synced_version  INT           NOT NULL,
    -- DingTalk's id of the to-do and the unionId it was created for (creator and operator)
    dingtalk_id     VARCHAR(64),
    creator_union_id VARCHAR(64),
    last_error      VARCHAR(1000),
    version         INT           NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_dingtalk_todo PRIMARY KEY (task_id)
);

CREATE INDEX ix_dingtalk_todo_problem ON dingtalk_todo (problem_id);

-- DingTalk userId -> unionId (the to-do API names people by unionId), from topapi/v2/user/get
CREATE TABLE dingtalk_union_id (
    user_id    VARCHAR(64) NOT NULL,
    union_id   VARCHAR(64) NOT NULL,
    fetched_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_dingtalk_union_id PRIMARY KEY (user_id)
);

-- Metered DingTalk calls (计量调用) per month and API, shared by all nodes: the standard
-- edition allows 5,000 a month for the organisation.
CREATE TABLE dingtalk_quota (
    -- yyyy-MM in China's time
    quota_month VARCHAR(7)  NOT NULL,
    api         VARCHAR(40) NOT NULL,
    calls       BIGINT      NOT NULL,
    CONSTRAINT pk_dingtalk_quota PRIMARY KEY (quota_month, api)
);
