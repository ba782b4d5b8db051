package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

    @Test
    void shouldAddNothingToTheTableUntilItFlushesYetCountItInTheChecks() {
        TestDingTalk.MemoryQuotaMapper table = new TestDingTalk.MemoryQuotaMapper();
        DingTalkQuota node = TestDingTalk.quota(table, 10, clock, meters);
        node.count("card.create");
        node.count("card.create");

        assertThat(table.month("2026-03")).isEmpty();
        assertThat(node.usage().byApi()).containsEntry("card.create", 2L);

        node.flush();
        node.flush();
        assertThat(table.month("2026-03")).containsExactly(new QuotaMapper.ApiCalls("card.create", 2));
        assertThat(node.usage().calls()).isEqualTo(2);
    }

    @Test
    void shouldAddUpTheCallsOfTwoNodesFlushingWhileTheyCount() throws Exception {
        TestDingTalk.MemoryQuotaMapper table = new TestDingTalk.MemoryQuotaMapper();
        DingTalkQuota a = TestDingTalk.quota(table, 1_000_000, clock, meters);
        DingTalkQuota b = TestDingTalk.quota(table, 1_000_000, clock, new SimpleMeterRegistry());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        AtomicBoolean counting = new AtomicBoolean(true);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (DingTalkQuota node : List.of(a, b)) {
                for (String api : List.of("asyncsend_v2", "todo.create")) {
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 5_000; i++) {
                            node.count(api);
                        }
                    }));
                }
            }
            List<Future<?>> flushers = new ArrayList<>();
            for (DingTalkQuota node : List.of(a, b)) {
                flushers.add(threads.submit(() -> {
                    while (counting.get()) {
                        node.flush();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            counting.set(false);
            for (Future<?> f : flushers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        a.flush();
        b.flush();

        assertThat(table.month("2026-03")).containsExactly(new QuotaMapper.ApiCalls("asyncsend_v2", 10_000),
                new QuotaMapper.ApiCalls("todo.create", 10_000));
        assertThat(a.usage().calls()).isEqualTo(20_000);
        assertThat(b.usage().calls()).isEqualTo(20_000);
    }
}
