package cn.jiandu.escalation;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** jiandu.escalation.*: what the process owner's DMN does not decide. */
@Validated
@ConfigurationProperties("jiandu.escalation")
record EscalationProperties(@DefaultValue("3") @Min(1) int reminderCap,
        @DefaultValue("PT4H") @NotNull Duration manualUrgeMinInterval) {
}
