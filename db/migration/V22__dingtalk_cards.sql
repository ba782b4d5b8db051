-- Interactive cards (互动卡片) of DingTalk: one card per task and person who may act on it,
-- and the presses of their buttons as DingTalk calls them back.
-- dingtalk_card: out_track_id is the card's id at DingTalk (jd-<taskId>-<userId>); the
--   task's completion (done_by_name, done_verb, done_at) is kept here so that a press on a
--   task already done can say who did what and when.
-- dingtalk_card_action: one row per (card, DingTalk user, button): a callback DingTalk sends
--   twice is stored once. status PENDING (waiting for the worker), WORKING (claimed by one
--   node until claimed_until), DONE, REFUSED, ALREADY_DONE, FAILED.
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.
CREATE TABLE dingtalk_card (
    out_track_id  VARCHAR(128)  NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    task_id       VARCHAR(64)   NOT NULL,
    problem_id    BIGINT,
    user_id       VARCHAR(64)   NOT NULL,
    officer_no    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    done_by_name  VARCHAR(100),
    done_verb     VARCHAR(32),
    done_at       TIMESTAMP     NULL,
    CONSTRAINT pk_dingtalk_card PRIMARY KEY (out_track_id)
);

CREATE INDEX ix_dingtalk_card_task ON dingtalk_card (task_id);

CREATE TABLE dingtalk_card_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    out_track_id  VARCHAR(128)  NOT NULL,
    user_id       VARCHAR(64)   NOT NULL,
    action_id     VARCHAR(64)   NOT NULL,
    params        VARCHAR(4000),
    transport     VARCHAR(10)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    claim_token   VARCHAR(64),
    claimed_until TIMESTAMP     NULL,
    outcome       VARCHAR(1000),
    received_at   TIMESTAMP     NOT NULL,
    handled_at    TIMESTAMP     NULL,
    CONSTRAINT pk_dingtalk_card_action PRIMARY KEY (id),
    CONSTRAINT uq_dingtalk_card_action UNIQUE (out_track_id, user_id, action_id)
);

CREATE INDEX ix_dingtalk_card_action_status ON dingtalk_card_action (status, id);
