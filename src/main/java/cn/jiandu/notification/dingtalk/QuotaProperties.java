package cn.jiandu.notification.dingtalk;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.dingtalk.monthly-quota and quota-warn-ratio: the organisation's metered DingTalk calls
 * a month (计量调用; standard edition 5,000: to-dos, cards, work notifications, DING) and the share
 * of it at which the administrator is warned.
 */
@Validated
@ConfigurationProperties("jiandu.dingtalk")
public record QuotaProperties(
        @DefaultValue("5000") @Min(1) long monthlyQuota,
        @DefaultValue("0.8") @DecimalMin("0.01") @DecimalMax("1.0") double quotaWarnRatio) {
}
