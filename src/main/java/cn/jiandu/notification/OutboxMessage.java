package cn.jiandu.notification;

import java.time.Instant;

/** A row of the outbox. */
public record OutboxMessage(long id, String idemKey, String messageKey, String channel, String recipient,
        String recipientName, Long problemId, String step, String level, String title, String body, String link,
        String atMobiles, String status, int attempts, Instant nextAttemptAt, String lastError, String dingtalkTask,
        Instant createdAt, Instant sentAt) {

    static final String WORK = "WORK";
    static final String ROBOT = "ROBOT";
    /** An interactive card to deliver (互动卡片, Cards). */
    static final String CARD = "CARD";
    /** An update of a delivered card. */
    static final String CARD_UPDATE = "CARD_UPD";
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
}
