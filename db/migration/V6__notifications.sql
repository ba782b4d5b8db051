-- The notification outbox (消息发件箱): every DingTalk message is written here in the
-- transaction of the step that causes it, and sent by the dispatcher afterwards, so that
-- nothing is lost and nothing is sent twice.
CREATE TABLE notification_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    -- problem + step + instance + recipient: the same step run again writes nothing new
    idem_key        VARCHAR(200)  NOT NULL,
    -- problem + step + instance: recipients of one work notification are sent together
    message_key     VARCHAR(200)  NOT NULL,
    -- WORK (工作通知 to a DingTalk userId) | ROBOT (group robot by name)
    channel         VARCHAR(10)   NOT NULL,
    recipient       VARCHAR(64)   NOT NULL,
    recipient_name  VARCHAR(100),
    problem_id      BIGINT,
    step            VARCHAR(30)   NOT NULL,
    level           VARCHAR(10),
    title           VARCHAR(200)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    link            VARCHAR(500),
    at_mobiles      VARCHAR(500),
    -- PENDING | SENDING | SENT | FAILED
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP     NOT NULL,
    last_error      VARCHAR(1000),
    claim_token     VARCHAR(40),
    claimed_until   TIMESTAMP     NULL,
    dingtalk_task   VARCHAR(64),
    created_at      TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP     NULL,
    CONSTRAINT pk_notification_outbox PRIMARY KEY (id),
    CONSTRAINT uq_notification_outbox_idem UNIQUE (idem_key)
);

CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX ix_notification_outbox_claim ON notification_outbox (claim_token);
CREATE INDEX ix_notification_outbox_problem ON notification_outbox (problem_id);

-- One row per group robot, locked while a node decides whether the robot may send now;
-- the sends of the last minute are counted in notification_robot_send.
CREATE TABLE notification_robot (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_notification_robot PRIMARY KEY (name)
);

CREATE TABLE notification_robot_send (
    id      BIGINT      NOT NULL AUTO_INCREMENT,
    robot   VARCHAR(64) NOT NULL,
    sent_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_notification_robot_send PRIMARY KEY (id)
);

CREATE INDEX ix_notification_robot_send ON notification_robot_send (robot, sent_at);
