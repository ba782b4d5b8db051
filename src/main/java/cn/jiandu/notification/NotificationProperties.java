package cn.jiandu.notification;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** jiandu.notification.*: the outbox and its dispatcher. */
@Validated
@ConfigurationProperties("jiandu.notification")
public record NotificationProperties(
        @DefaultValue("22:00") @NotNull LocalTime quietStart,
        @DefaultValue("07:00") @NotNull LocalTime quietEnd,
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("PT2S") @NotNull Duration pollInterval,
        @DefaultValue("200") @Min(1) int batchSize,
        @DefaultValue("8") @Min(1) int sendThreads,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("PT10S") @NotNull Duration backoffBase,
        @DefaultValue("PT30M") @NotNull Duration backoffMax,
        @DefaultValue("PT2M") @NotNull Duration claimTimeout,
        @DefaultValue("20") @Min(1) int robotPerMinute,
        @DefaultValue("PT2S") @NotNull Duration robotWindowMargin) {
}
