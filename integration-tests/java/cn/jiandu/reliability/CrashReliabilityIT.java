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
 * Crash: 2,000 problems fall due together; while they are urged, unit heads press 签收 on the
 * cards of 300 of them (DingTalk sending some callbacks twice); the node is killed (SIGKILL)
 * in the middle of the presses, about a third of the problems urged, and started again on the
 * same database, where DingTalk redelivers the presses it got no answer for. Every problem
 * reaches its next step exactly once, every pressed problem is signed exactly once with its
 * to-dos (签收 done, 整改 created) once, and every outbox message reaches each recipient
 * exactly once.
 */
class CrashReliabilityIT {

    static final int PROBLEMS = 2_000;
    /** jiandu.notification.send-threads of application.yaml: calls to DingTalk at once. */
    static final int SEND_THREADS = 8;
    /** Problems whose 签收 card is pressed during the storm. */
    static final int PRESSES = 300;

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
            String[] settings = Storm.cardSettings("--jiandu.notification.claim-timeout=PT20S",
                    "--jiandu.dingtalk.callback.claim-timeout=PT20S",
                    "--camunda.bpm.job-execution.lock-time-in-millis=20000");
            Storm.Presses presses;
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
                Storm.await("a quarter of the problems urged", Duration.ofMinutes(3),
                        () -> Storm.urged(db) >= PROBLEMS / 4);
                // 签收 pressed on urged problems' cards, on 4 threads; killed half-way through
                Storm.Presses pressing = new Storm.Presses(Storm.signCards(db, dingtalk, PRESSES))
                        .start(dingtalk, List.of(first), 4, Duration.ofMillis(20));
                presses = pressing;
                Storm.await("half the presses answered", Duration.ofMinutes(1),
                        () -> pressing.answered() >= PRESSES / 2);
                first.kill();
                figures.put("presses answered when killed", presses.answered());
                figures.put("card presses waiting or being handled when killed",
                        db.count("SELECT COUNT(*) FROM dingtalk_card_action WHERE status IN ('PENDING', 'WORKING')"));
                long urgedAtKill = Storm.urged(db);
                figures.put("urged when killed", urgedAtKill);
                sendingAtKill = db.count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENDING'");
                figures.put("outbox rows SENDING when killed", sendingAtKill);
                figures.put("jobs locked when killed", db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL"));
                assertThat(urgedAtKill).as("killed mid-storm").isLessThan(PROBLEMS);
            }
            try (AppNode second = AppNode.start("crash-2", db, dingtalk.baseUrl(), settings)) {
                long restart = System.nanoTime();
                presses.awaitSent(Duration.ofMinutes(1));
                second.awaitUp(Duration.ofMinutes(3));
                // DingTalk redelivers the callbacks the dead node never answered
                figures.put("presses redelivered after the restart", presses.redeliver(dingtalk, second,
                        Duration.ofMinutes(1)));
                figures.put("presses sent in all", presses.sent());
                Duration rest = Storm.await("every problem urged and every message sent after the restart",
                        Duration.ofMinutes(4), () -> Storm.urged(db) >= PROBLEMS && Storm.outboxDone(db)
                                && Storm.pressesDone(db));
                figures.put("restart to done", Duration.ofNanos(System.nanoTime() - restart).toSeconds() + " s");
                Storm.Delivered delivered = Storm.assertExactlyOnce(db, dingtalk, PROBLEMS, PRESSES);
                Storm.Signed signed = Storm.assertSignedOnce(db, dingtalk, presses, PROBLEMS);
                figures.put("presses handled", signed.actionsDone());
                figures.put("to-dos created", signed.todosCreated());
                figures.put("to-dos done", signed.todosDone());
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
