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
 * Two nodes on one database share 5,000 timers falling due together, while DingTalk fails
 * for the first 20 seconds of the storm: each escalation happens once, each message is
 * delivered once, failed sends are retried, and both nodes did their share of both.
 */
class TwoNodeReliabilityIT {

    static final int PROBLEMS = 5_000;
    static final String SENT = "jiandu_notifications_sent_total";

    @BeforeAll
    static void onlyOnMariaDbWithProcesses() {
        Storm.assumeEnabled();
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void shouldShareDueTimersAndMessagesBetweenTwoNodesEachExactlyOnce() {
        long start = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (ScratchDatabase db = ScratchDatabase.create("jiandu_rel_nodes");
                FakeDingTalk dingtalk = Storm.dingtalk();
                AppNode a = AppNode.start("node-a", db, dingtalk.baseUrl())) {
            // the first node creates the schema; the second starts on it
            a.awaitUp(Duration.ofMinutes(3));
            try (AppNode b = AppNode.start("node-b", db, dingtalk.baseUrl())) {
                b.awaitUp(Duration.ofMinutes(3));
                twoNodes(db, dingtalk, a, b, figures);
            }
        } finally {
            figures.put("took", Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            Storm.report("two nodes", figures);
        }
    }

    private void twoNodes(ScratchDatabase db, FakeDingTalk dingtalk, AppNode a, AppNode b, Map<String, Object> figures) {
        a.setClock(Storm.workingMorning());
        b.setClock(Storm.workingMorning());
        Storm.Bureau bureau = Storm.seed(a, 50, 4);
        Storm.Registered registered = Storm.register(List.of(a, b), bureau, "双节点", PROBLEMS, 6,
                Duration.ofMinutes(7));
        figures.put("registered/s", Math.round(registered.perSecond()));
        figures.put("refusals while registering", registered.refusals().size());

        // DingTalk answers HTTP 500 for the first 20 s of the storm
        dingtalk.failFor(Duration.ofSeconds(20), FakeDingTalk.Failure.HTTP_500);
        long storm = System.nanoTime();
        a.setClock(Storm.workingMorning().plus(Duration.ofHours(25)));
        b.setClock(Storm.workingMorning().plus(Duration.ofHours(25)));
        Storm.await("every problem urged", Duration.ofMinutes(4), () -> Storm.urged(db) >= PROBLEMS);
        figures.put("storm", Duration.ofNanos(System.nanoTime() - storm).toSeconds() + " s");
        Storm.await("every message sent", Duration.ofMinutes(3), () -> Storm.outboxDone(db));
        figures.put("storm to last message", Duration.ofNanos(System.nanoTime() - storm).toSeconds() + " s");

        Storm.Delivered delivered = Storm.assertExactlyOnce(db, dingtalk, PROBLEMS);
        figures.put("messages", delivered.messages());
        figures.put("deliveries", delivered.deliveries());
        assertThat(delivered.resentAndDropped()).as("nothing sent twice: no node died").isZero();

        Map<String, Long> urges = Storm.urgesByNode(db);
        figures.put("urges by node", urges);
        assertThat(urges.keySet()).as("both nodes ran timers").containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(urges.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(urges.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(PROBLEMS);

        double sentA = a.counter(SENT);
        double sentB = b.counter(SENT);
        figures.put("messages sent by node", Map.of("node-a", (long) sentA, "node-b", (long) sentB));
        assertThat(sentA).as("node-a sent").isPositive();
        assertThat(sentB).as("node-b sent").isPositive();
        assertThat((long) (sentA + sentB)).as("sent by the two together").isEqualTo(delivered.messages());

        long retried = db.count("SELECT COUNT(*) FROM notification_outbox WHERE attempts > 1");
        long refusedByDingTalk = dingtalk.calls("asyncsend_v2") - dingtalk.received().size();
        figures.put("sends refused by DingTalk (outage)", refusedByDingTalk);
        figures.put("outbox rows retried", retried);
        assertThat(refusedByDingTalk).as("DingTalk's outage hit the storm").isPositive();
        assertThat(retried).as("what failed was sent again later").isPositive();
    }
}
