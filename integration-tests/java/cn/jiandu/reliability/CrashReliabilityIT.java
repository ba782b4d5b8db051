package cn.jiandu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Crash: 2,000 problems fall due together; the node is killed (SIGKILL) when a third of them
 * have been urged and started again on the same database. Every problem reaches its next
 * step exactly once and every outbox message reaches each recipient exactly once.
 */
class CrashReliabilityIT {

    static final int PROBLEMS = 2_000;
    /** jiandu.notification.send-threads of application.yaml: calls to DingTalk at once. */
    static final int SEND_THREADS = 8;

    @BeforeAll
    static void onlyOnMariaDbWithProcesses() {
        Storm.assumeEnabled();
    }

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void shouldReachEveryNextStepAndSendEveryMessageExactlyOnceThoughKilledMidStorm() {
        long start = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        long sendingAtKill;
        try (ScratchDatabase db = ScratchDatabase.create("jiandu_rel_crash");
                FakeDingTalk dingtalk = Storm.dingtalk()) {
            // claims and job locks of the killed node expire after 20 s instead of minutes
            String[] settings = {"--jiandu.notification.claim-timeout=PT20S",
                    "--camunda.bpm.job-execution.lock-time-in-millis=20000"};
            try (AppNode first = AppNode.start("crash-1", db, dingtalk.baseUrl(), settings)) {
                first.awaitUp(Duration.ofMinutes(3));
                first.setClock(Storm.workingMorning());
                Storm.Bureau bureau = Storm.seed(first, 20, 4);
                Storm.Registered registered = Storm.register(List.of(first), bureau, "崩溃", PROBLEMS, 4,
                        Duration.ofMinutes(4));
                figures.put("registered/s", Math.round(registered.perSecond()));
                figures.put("refusals while registering", registered.refusals().size());

                // every signing deadline (24 h) passes at once
                first.setClock(Storm.workingMorning().plus(Duration.ofHours(25)));
                Storm.await("a third of the problems urged", Duration.ofMinutes(3),
                        () -> Storm.urged(db) >= PROBLEMS / 3);
                first.kill();
                long urgedAtKill = Storm.urged(db);
                figures.put("urged when killed", urgedAtKill);
                sendingAtKill = db.count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENDING'");
                figures.put("outbox rows SENDING when killed", sendingAtKill);
                figures.put("jobs locked when killed", db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL"));
                assertThat(urgedAtKill).as("killed mid-storm").isLessThan(PROBLEMS);
            }
            try (AppNode second = AppNode.start("crash-2", db, dingtalk.baseUrl(), settings)) {
                long restart = System.nanoTime();
                second.awaitUp(Duration.ofMinutes(3));
                Duration rest = Storm.await("every problem urged and every message sent after the restart",
                        Duration.ofMinutes(4), () -> Storm.urged(db) >= PROBLEMS && Storm.outboxDone(db));
                figures.put("restart to done", Duration.ofNanos(System.nanoTime() - restart).toSeconds() + " s");
                Storm.Delivered delivered = Storm.assertExactlyOnce(db, dingtalk, PROBLEMS);
                figures.put("messages", delivered.messages());
                figures.put("deliveries", delivered.deliveries());
                figures.put("resent after the kill, dropped by DingTalk as a repeat", delivered.resentAndDropped());
                figures.put("waited after up", rest.toSeconds() + " s");
                // a call DingTalk took but the node died before marking sent goes out again and is
                // dropped as a repeat: at most one per send thread (a call each) and only rows
                // that were SENDING, never one that was SENT or still waiting
                assertThat(delivered.resentAndDropped())
                        .as("only what was on its way when the node died can go out again")
                        .isLessThanOrEqualTo((int) Math.min(SEND_THREADS, sendingAtKill));
                assertThat(second.alive()).isTrue();
            }
        } finally {
            figures.put("took", Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            Storm.report("crash", figures);
        }
    }
}
