package cn.jiandu.notification;

import java.time.Instant;

/** A row of the outbox. */
public record OutboxMessage(long id, String idemKey, String messageKey, String channel, String recipient,
        String recipientName, Long problemId, String step, String level, String title, String body, String link,
        String atMobiles, String status, int attempts, Instant nextAttemptAt, String lastError, String dingtalkTask,
        Instant createdAt, Instant sentAt) {

    static final String WORK = "WORK";
    static final String ROBOT = "ROBOT";
    /** a DingTalk to-do (钉钉待办) to reconcile with dingtalk_todo; the recipient is the task id */
    static final String TODO = "TODO";
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
}
