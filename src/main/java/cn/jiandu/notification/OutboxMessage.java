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
    /** a red work notification's read check (已读检查), due ding-after after it was sent; recipient: its task id */
    static final String READ_CHECK = "READ_CHECK";
    /** a DING (钉一下) to someone who did not read a red message */
    static final String DING = "DING";
    /** An interactive card to deliver (互动卡片, Cards). */
    static final String CARD = "CARD";
    /** An update of a delivered card. */
    static final String CARD_UPDATE = "CARD_UPD";
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
}
