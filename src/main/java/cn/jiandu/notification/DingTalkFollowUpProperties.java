package cn.jiandu.notification;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.dingtalk.* settings of the follow-up of red messages (红色预警已读跟踪) and of the
 * morning digest (每日早8时推送); bound beside DingTalkProperties from the same prefix.
 *
 * @param dingAfter how long after a red work notification was sent its read state is checked
 * @param ding DING (钉一下) to the unread instead of a second, urgent work notification
 * @param robotCode the robot that sends DING; empty: the app key (an internal app's robot)
 * @param appKey the app key, the robot code's default
 * @param digestTime the time of the daily digest, China time, working days only
 * @param digestEnabled every node looks every minute whether the digest is due (the tests call it themselves)
 */
@Validated
@ConfigurationProperties("jiandu.dingtalk")
public record DingTalkFollowUpProperties(
        @DefaultValue("PT30M") @NotNull Duration dingAfter,
        @DefaultValue Ding ding,
        @DefaultValue("") String robotCode,
        @DefaultValue("") String appKey,
        @DefaultValue("08:00") @NotNull LocalTime digestTime,
        @DefaultValue("true") boolean digestEnabled) {

    public DingTalkFollowUpProperties {
        ding = ding == null ? new Ding(false) : ding;
    }

    /** The robot code of DING: jiandu.dingtalk.robot-code, else the app key. */
    public String effectiveRobotCode() {
        return robotCode == null || robotCode.isBlank() ? appKey : robotCode;
    }

    /** @param enabled DING needs a paid edition (专业版/专属版) and the permission Premium.Ding.Write */
    public record Ding(@DefaultValue("false") boolean enabled) {
    }
}
