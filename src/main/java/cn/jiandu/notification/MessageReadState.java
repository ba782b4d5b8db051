package cn.jiandu.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A problem's work notification (one message, all its recipients) and who read it (已读 n/m):
 * {@code checked} of {@code total} recipients were checked (red messages, ding-after after
 * sending), {@code read} of them had read it.
 */
public record MessageReadState(String messageKey, String step, String level, String title, Instant sentAt, String recipients,
        int total, int checked, int read) {

    /** The step's Chinese name (预警通知, 催办, 每日推送 …). */
    @JsonProperty
    public String stepLabel() {
        try {
            return NotificationStep.valueOf(step).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return step;
        }
    }

    /** 已读 n/m once checked, else empty. */
    @JsonProperty
    public String readText() {
        return checked == 0 ? "" : "已读 " + read + "/" + total;
    }
}
