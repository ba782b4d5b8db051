package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AppClockTest {

    /** app_clock in memory. */
    static final class Table implements ClockMapper {
        Long offset;

        @Override
        public Long findOffset() {
            return offset;
        }

        @Override
        public int updateOffset(long offsetMillis) {
            if (offset == null) {
                return 0;
            }
            offset = offsetMillis;
            return 1;
        }

        @Override
        public int insertOffset(long offsetMillis) {
            offset = offsetMillis;
            return 1;
        }
    }

    private final Table table = new Table();

    @AfterEach
    void systemTime() {
        ClockUtil.reset();
    }

    private AppClock clock(boolean adjustable) {
        AppClock clock = new AppClock(new ClockProperties(adjustable), table,
                new StaticListableBeanFactory().getBeanProvider(ProcessEngine.class));
        clock.load();
        return clock;
    }

    @Test
    void shouldMoveTheAppAndCamundaAndKeepRunning() {
        AppClock clock = clock(true);
        Instant target = Instant.parse("2026-03-10T01:00:00Z");
        clock.setNow(target);

        assertThat(Duration.between(target, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Duration.between(target, ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(clock.instant(), clock.withZone(ZoneId.of("UTC")).instant()).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(table.offset).isNotNull().isNotZero();
    }

    @Test
    void shouldStartFromTheStoredOffsetWhenAdjustable() {
        table.offset = Duration.ofDays(30).toMillis();
        AppClock clock = clock(true);
        assertThat(Duration.between(Instant.now(), clock.instant()).minusDays(30).abs()).isLessThan(Duration.ofSeconds(5));
        clock.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(table.offset).isZero();
    }

    @Test
    void shouldIgnoreTheTableAndRefuseToMoveWhenNotAdjustable() {
        table.offset = Duration.ofDays(30).toMillis();
        ClockUtil.offset(Duration.ofDays(30).toMillis());
        AppClock clock = clock(false);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(Instant.now(), ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(clock.isAdjustable()).isFalse();
        assertThatThrownBy(() -> clock.setNow(Instant.parse("2026-03-10T01:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }
}
