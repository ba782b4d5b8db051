package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import cn.jiandu.level.Level;

class QuietHoursTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NotificationProperties properties = new NotificationProperties(LocalTime.of(22, 0),
            LocalTime.of(7, 0), true, Duration.ofSeconds(2), 200, 8, 8, Duration.ofSeconds(10), Duration.ofMinutes(30),
            Duration.ofMinutes(2), 20, Duration.ofSeconds(2));
    private final Notifications notifications = new Notifications(null, null, null, null, properties, null,
            Clock.systemUTC());

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, CHINA).toInstant();
    }

    @Test
    void shouldHoldBlueAndYellowUntilSevenInTheMorning() {
        assertThat(notifications.sendAt(Level.BLUE, at(10, 23, 30))).isEqualTo(at(11, 7, 0));
        assertThat(notifications.sendAt(Level.YELLOW, at(11, 2, 15))).isEqualTo(at(11, 7, 0));
        assertThat(notifications.sendAt(Level.BLUE, at(10, 22, 0))).isEqualTo(at(11, 7, 0));
    }

    @Test
    void shouldSendRedAtOnceAndEverythingInTheDay() {
        assertThat(notifications.sendAt(Level.RED, at(10, 23, 30))).isEqualTo(at(10, 23, 30));
        assertThat(notifications.sendAt(Level.BLUE, at(10, 7, 0))).isEqualTo(at(10, 7, 0));
        assertThat(notifications.sendAt(Level.YELLOW, at(10, 21, 59))).isEqualTo(at(10, 21, 59));
    }
}
