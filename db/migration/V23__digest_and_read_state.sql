-- The 8 o'clock digest (每日早8时推送) and the follow-up of unread red messages (红色预警已读跟踪).
-- Portable SQL: the same script runs on H2 and on MySQL 8 / MariaDB.

-- A unit's deputy leader in charge (分管领导): an officer with the role DEPUTY_LEADER; his
-- digest lists the reds and yellows of the units in his charge.
ALTER TABLE org_unit ADD COLUMN leader_officer_no VARCHAR(32);

-- Who read a red work notification (已读) when it was checked (getsendresult), one row per
-- recipient row of the outbox; the check is an outbox row of channel READ_CHECK.
CREATE TABLE notification_read (
    outbox_id  BIGINT      NOT NULL,
    message_key VARCHAR(200) NOT NULL,
    problem_id BIGINT,
    user_id    VARCHAR(64) NOT NULL,
    is_read    BOOLEAN     NOT NULL,
    checked_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_notification_read PRIMARY KEY (outbox_id)
);

CREATE INDEX ix_notification_read_problem ON notification_read (problem_id);

-- The days whose morning digest was written to the outbox (each person's message has its own
-- key there, digest:<date>:<userId>); a node that finds today's row does not look again.
CREATE TABLE report_digest_day (
    digest_date DATE      NOT NULL,
    done_at     TIMESTAMP NOT NULL,
    CONSTRAINT pk_report_digest_day PRIMARY KEY (digest_date)
);
