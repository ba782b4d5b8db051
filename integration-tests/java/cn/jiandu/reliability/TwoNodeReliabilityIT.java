package cn.jiandu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Two nodes on one database share 5,000 timers falling due together, while DingTalk fails
 * for the first 20 seconds of the storm and unit heads press 签收 on the cards of 300 urged
 * problems, the callbacks going to the two nodes alternately (DingTalk repeating some, to the
 * other node): each escalation happens once, each message is delivered once, each pressed
 * problem is signed once with its to-dos once, failed sends (to-dos and card updates too) are
 * retried, and both nodes did their share.
 */
class TwoNodeReliabilityIT {

    static final int PROBLEMS = 5_000;
    static final String SENT = "jiandu_notifications_sent_total";
    /** Problems whose 签收 card is pressed during the storm. */
    static final int PRESSES = 300;

    @BeforeAll
    static void onlyOnMariaDbWithProcesses() {
        Storm.assumeEnabled();
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void shouldShareDueTimersAndMessagesBetweenTwoNodesEachExactlyOnce() {
        long start = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (ScratchDatabase db = ScratchDatabase.create("jiandu_rel_nodes");
                FakeDingTalk dingtalk = Storm.dingtalk();
                AppNode a = AppNode.start("node-a", db, dingtalk.baseUrl(), Storm.cardSettings())) {
            // the first node creates the schema; the second starts on it
            a.awaitUp(Duration.ofMinutes(3));
            try (AppNode b = AppNode.start("node-b", db, dingtalk.baseUrl(), Storm.cardSettings())) {
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
        // 签收 pressed on urged problems' cards during the storm and the outage, the callbacks
        // to node-a and node-b alternately
        Storm.await("the first problems urged", Duration.ofMinutes(2), () -> Storm.urged(db) >= PRESSES);
        Storm.Presses presses = new Storm.Presses(Storm.signCards(db, dingtalk, PRESSES))
                .start(dingtalk, List.of(a, b), 4, Duration.ofMillis(20));
        presses.awaitSent(Duration.ofMinutes(2));
        figures.put("presses sent", presses.sent());
        figures.put("presses sent again (not answered)", presses.redeliver(dingtalk, a, Duration.ofMinutes(1)));
        Storm.await("every problem urged", Duration.ofMinutes(4), () -> Storm.urged(db) >= PROBLEMS);
        figures.put("storm", Duration.ofNanos(System.nanoTime() - storm).toSeconds() + " s");
        Storm.await("every message sent", Duration.ofMinutes(3),
                () -> Storm.outboxDone(db) && Storm.pressesDone(db));
        figures.put("storm to last message", Duration.ofNanos(System.nanoTime() - storm).toSeconds() + " s");

        Storm.Delivered delivered = Storm.assertExactlyOnce(db, dingtalk, PROBLEMS, PRESSES);
        figures.put("messages", delivered.messages());
        figures.put("deliveries", delivered.deliveries());
        Storm.Signed signed = Storm.assertSignedOnce(db, dingtalk, presses, PROBLEMS);
        figures.put("presses handled", signed.actionsDone());
        figures.put("presses answered by node", presses.answeredBy());
        assertThat(presses.answeredBy().keySet()).as("both nodes took presses")
                .containsExactlyInAnyOrder("node-a", "node-b");
        figures.put("to-dos created", signed.todosCreated());
        figures.put("to-dos done", signed.todosDone());
        assertThat(delivered.resentAndDropped()).as("nothing sent twice: no node died").isZero();

        Map<String, Long> urges = Storm.urgesByNode(db);
        figures.put("urges by node", urges);
        assertThat(urges.keySet()).as("both nodes ran timers").containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(urges.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(urges.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(PROBLEMS);

        // work notifications apart from the to-do and card calls (channels TODO, CARD, CARD_UPD)
        Set<String> messageChannels = Set.of("WORK", "ROBOT", "READ_CHECK", "DING");
        double sentA = a.counter(SENT, "channel", messageChannels);
        double sentB = b.counter(SENT, "channel", messageChannels);
        // the metric counts the to-do rows a node made true at DingTalk (cards are not in it)
        figures.put("to-do rows sent by node", Map.of("node-a", (long) a.counter(SENT, "channel", Set.of("TODO")),
                "node-b", (long) b.counter(SENT, "channel", Set.of("TODO"))));
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
        long todoAndCardRetried = db.count("SELECT COUNT(*) FROM notification_outbox"
                + " WHERE channel IN ('TODO', 'CARD', 'CARD_UPD') AND attempts > 1");
        figures.put("to-do and card rows retried", todoAndCardRetried);
        assertThat(todoAndCardRetried).as("to-do and card calls failed in the outage were made again").isPositive();
    }
}
