package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DingTalkQuotaTest {

    // 2026-03-31 23:30 in China: the month turns in half an hour
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T15:30:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DingTalkQuota quota = TestDingTalk.quota(10, clock, meters);

    @Test
    void shouldCountEachMeteredCallPerApiAndMonthInChinasTime() {
        quota.count("asyncsend_v2");
        quota.count("todo.create");
        quota.count("todo.create");

        DingTalkQuota.Usage usage = quota.usage();
        assertThat(usage.month()).isEqualTo("2026-03");
        assertThat(usage.calls()).isEqualTo(3);
        assertThat(usage.byApi()).containsEntry("todo.create", 2L).containsEntry("asyncsend_v2", 1L);
        assertThat(usage.ratio()).isEqualTo(0.3);
        assertThat(meters.get("jiandu.dingtalk.calls").tag("api", "todo.create").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("jiandu.dingtalk.quota.used").gauge().value()).isEqualTo(0.3);

        clock.advance(Duration.ofHours(1));
        assertThat(quota.usage().month()).isEqualTo("2026-04");
        assertThat(quota.usage().calls()).isZero();
    }

    @Test
    void shouldWarnAtEightyPerCentAndStopTodosAndCardsAtTheQuota() {
        for (int i = 0; i < 7; i++) {
            quota.count("asyncsend_v2");
        }
        assertThat(quota.nearLimit()).isFalse();
        assertThat(quota.allowsTodosAndCards()).isTrue();

        quota.count("todo.create");
        assertThat(quota.nearLimit()).isTrue();
        assertThat(quota.allowsTodosAndCards()).isTrue();

        quota.count("todo.update");
        quota.count("asyncsend_v2");
        assertThat(quota.usage().percent()).isEqualTo(100);
        assertThat(quota.allowsTodosAndCards()).isFalse();
    }
}
