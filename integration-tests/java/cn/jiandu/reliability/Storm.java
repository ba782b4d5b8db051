package cn.jiandu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * The load of the reliability scenarios: a bureau of stations, problems registered through
 * the API of the nodes, their signing deadline passed all at once, and the checks that every
 * problem reached its next step once and every message reached its recipients once.
 */
final class Storm {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The step every problem takes when its blue signing clock (24 h, deadlines.dmn) runs out. */
    static final String URGE = "URGE";

    private Storm() {
    }

    /** Process scenarios need MariaDB and separate processes: -Dit.db=mariadb -Dit.reliability=true. */
    static void assumeEnabled() {
        Assumptions.assumeTrue("mariadb".equalsIgnoreCase(System.getProperty("it.db", "h2"))
                        && Boolean.getBoolean("it.reliability"),
                "reliability scenarios run with -Dit.db=mariadb -Dit.reliability=true (see .ci/run)");
    }

    /** 09:00 China time of the next Tuesday: working hours, so no message waits for the morning. */
    static Instant workingMorning() {
        LocalDate day = LocalDate.now(CHINA).plusDays(1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(9, 0)).atZone(CHINA).toInstant();
    }

    static FakeDingTalk dingtalk() {
        FakeDingTalk fake = new FakeDingTalk(FakeDingTalk.Config.of(AppNode.APP_KEY, AppNode.APP_SECRET,
                AppNode.AGENT_ID).withPort(0)).start();
        // the card platform publishes the 签收 template; the app's robot code is its app key;
        // presses go to the URL of the node each press names (FakeCards#pressAt)
        fake.cards().configure(Set.of(SIGN_TEMPLATE), AppNode.APP_KEY, null, CALLBACK_TOKEN, CALLBACK_AES_KEY,
                AppNode.APP_KEY);
        return fake;
    }

    // ---- cards ----------------------------------------------------------------------------

    /** The 签收 card's template, published at the fake and configured on the nodes. */
    static final String SIGN_TEMPLATE = "rel-sign-card.schema";
    /** TEST ONLY: the HTTP callback's token. */
    static final String CALLBACK_TOKEN = "rel-callback-token";
    /** TEST ONLY: the callback's EncodingAESKey (43 characters: "rel-callback-aes-key-for-tests!!"). */
    static final String CALLBACK_AES_KEY = "cmVsLWNhbGxiYWNrLWFlcy1rZXktZm9yLXRlc3RzISE";
    /** The button of the 签收 card (CardKind.SIGN). */
    static final String SIGN = "sign";

    /** The nodes' settings for 签收 cards with callbacks over HTTP. */
    static String[] cardSettings(String... more) {
        List<String> all = new ArrayList<>(List.of(
                "--jiandu.dingtalk.cards.sign.template-id=" + SIGN_TEMPLATE,
                "--jiandu.dingtalk.callback.mode=HTTP",
                "--jiandu.dingtalk.callback.token=" + CALLBACK_TOKEN,
                "--jiandu.dingtalk.callback.aes-key=" + CALLBACK_AES_KEY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A 签收 card of an urged problem, in its unit head's chat at the fake. */
    record Target(long problemId, String taskId, String outTrackId, String userId) {
    }

    /**
     * The 签收 cards of {@code count} problems already urged (so that signing them does not
     * take their urge away), delivered at the fake; the problems spread over the stations.
     */
    static List<Target> signCards(ScratchDatabase db, FakeDingTalk fake, int count) {
        List<Target> targets = new ArrayList<>();
        for (List<Object> row : db.rows("SELECT c.problem_id, c.task_id, c.out_track_id, c.user_id"
                + " FROM dingtalk_card c WHERE c.kind = 'sign' AND c.problem_id IN"
                + " (SELECT problem_id FROM problem_event WHERE kind = ?) ORDER BY c.problem_id", URGE)) {
            String outTrackId = (String) row.get(2);
            if (targets.size() < count && fake.cards().card(outTrackId) != null) {
                targets.add(new Target(((Number) row.get(0)).longValue(), (String) row.get(1), outTrackId,
                        (String) row.get(3)));
            }
        }
        assertThat(targets).as("urged problems with a delivered 签收 card").hasSize(count);
        return targets;
    }

    /**
     * Presses of 签收 as DingTalk sends them: each card's press once, every fifth twice (DingTalk
     * repeats a callback), on threads; a press the node did not answer 200 (it was dead) is
     * sent again by {@link #redeliver} as DingTalk redelivers what was not acknowledged.
     */
    static final class Presses {

        private final List<Target> targets;
        private final Set<String> answered = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger unanswered = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        private ExecutorService pool;

        Presses(List<Target> targets) {
            this.targets = List.copyOf(targets);
        }

        List<Target> targets() {
            return targets;
        }

        /** Starts sending: press i goes to nodes[i % n], its repeat to the next node. */
        Presses start(FakeDingTalk fake, List<AppNode> nodes, int threads, Duration pause) {
            pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < targets.size(); i = next.getAndIncrement()) {
                        press(fake, targets.get(i), nodes.get(i % nodes.size()));
                        if (i % 5 == 0) {
                            press(fake, targets.get(i), nodes.get((i + 1) % nodes.size()));
                        }
                        AppNode.sleep(pause);
                    }
                });
            }
            pool.shutdown();
            return this;
        }

        void awaitSent(Duration timeout) {
            try {
                assertThat(pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS))
                        .as("presses sent within %s", timeout).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends again, to {@code node}, every press no node answered 200, until each is. */
        int redeliver(FakeDingTalk fake, AppNode node, Duration timeout) {
            long until = System.nanoTime() + timeout.toNanos();
            int again = 0;
            for (Target target : targets) {
                while (!answered.contains(target.outTrackId())) {
                    if (System.nanoTime() > until) {
                        throw new AssertionError("press of " + target.outTrackId() + " not answered within " + timeout);
                    }
                    press(fake, target, node);
                    again++;
                }
            }
            return again;
        }

        private void press(FakeDingTalk fake, Target target, AppNode node) {
            sent.incrementAndGet();
            int status;
            try {
                status = fake.cards().pressAt(node.callbackUrl(), target.outTrackId(), target.userId(), SIGN, Map.of());
            } catch (IllegalStateException e) {
                status = -1; // nobody answered: the node is dead
            }
            if (status == 200) {
                answered.add(target.outTrackId());
                answeredBy.computeIfAbsent(node.name(), n -> new AtomicInteger()).incrementAndGet();
            } else {
                unanswered.incrementAndGet();
                if (status != -1) {
                    refused.add(node.name() + " " + status);
                }
            }
        }

        int answered() {
            return answered.size();
        }

        int sent() {
            return sent.get();
        }

        int unanswered() {
            return unanswered.get();
        }

        List<String> refused() {
            return List.copyOf(refused);
        }

        Map<String, Integer> answeredBy() {
            Map<String, Integer> by = new java.util.TreeMap<>();
            answeredBy.forEach((k, v) -> by.put(k, v.get()));
            return by;
        }
    }

    /** What the signing check found, for the report. */
    record Signed(int todosCreated, long todosDone, long actionsDone) {
    }

    /**
     * Every pressed problem signed exactly once (one SIGNED in its timeline, its Task_Sign
     * completed once, its Task_Rectify created once), no other problem signed, every press
     * handled (none PENDING or WORKING, none lost), and the to-dos at the fake: one create per
     * Task_Sign task, the pressed ones done, one create per Task_Rectify task.
     */
    static Signed assertSignedOnce(ScratchDatabase db, FakeDingTalk fake, Presses presses, int problems) {
        List<Target> targets = presses.targets();
        int pressed = targets.size();
        assertThat(presses.answered()).as("every press answered 200 in the end: none lost").isEqualTo(pressed);
        assertThat(presses.refused()).as("presses refused by a node").isEmpty();
        Map<String, Long> signed = db.counts("SELECT problem_id, COUNT(*) FROM problem_event WHERE kind = 'SIGNED'"
                + " GROUP BY problem_id");
        assertThat(signed.keySet()).as("the problems signed (签收) are the pressed ones")
                .isEqualTo(targets.stream().map(t -> String.valueOf(t.problemId())).collect(Collectors.toSet()));
        assertThat(signed.values()).as("signed once each").allMatch(n -> n == 1);
        assertThat(Set.copyOf(db.strings("SELECT ID_ FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_Sign'"
                + " AND END_TIME_ IS NOT NULL"))).as("the Task_Sign tasks completed")
                .isEqualTo(targets.stream().map(Target::taskId).collect(Collectors.toSet()));
        assertThat(db.count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_Sign'"))
                .as("one Task_Sign per problem").isEqualTo(problems);
        Map<String, Long> rectify = db.counts("SELECT p.BUSINESS_KEY_, COUNT(*) FROM ACT_HI_TASKINST t"
                + " JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_ WHERE t.TASK_DEF_KEY_ = 'Task_Rectify'"
                + " GROUP BY p.BUSINESS_KEY_");
        assertThat(rectify.keySet()).as("Task_Rectify (整改) created for the pressed problems")
                .isEqualTo(signed.keySet());
        assertThat(rectify.values()).as("created once each").allMatch(n -> n == 1);
        Map<String, Long> actions = db.counts("SELECT status, COUNT(*) FROM dingtalk_card_action GROUP BY status");
        assertThat(actions).as("presses stored once and all done").isEqualTo(Map.of("DONE", (long) pressed));
        for (Target target : targets) {
            assertThat(fake.cards().card(target.outTrackId()).params()).as("the card shows it signed")
                    .containsEntry("done", "true");
        }

        Map<String, FakeDingTalk.Todo> todos = new HashMap<>();
        fake.todos().forEach(todo -> todos.put(todo.sourceId(), todo));
        List<String> signTasks = db.strings("SELECT ID_ FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_Sign'");
        Set<String> pressedTasks = targets.stream().map(Target::taskId).collect(Collectors.toSet());
        for (String task : signTasks) {
            assertThat(fake.createsOf(task)).as("creates of the 签收 to-do of %s", task).isEqualTo(1);
            assertThat(todos.get(task)).as("the 签收 to-do of %s", task).isNotNull();
            assertThat(todos.get(task).done()).as("the 签收 to-do of %s done", task)
                    .isEqualTo(pressedTasks.contains(task));
        }
        List<String> rectifyTasks = db.strings("SELECT ID_ FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_Rectify'");
        for (String task : rectifyTasks) {
            assertThat(fake.createsOf(task)).as("creates of the 整改 to-do of %s", task).isEqualTo(1);
            assertThat(todos.get(task)).as("the 整改 to-do of %s", task).isNotNull();
            assertThat(todos.get(task).done()).isFalse();
        }
        long done = fake.todos().stream().filter(FakeDingTalk.Todo::done).count();
        assertThat(done).as("to-dos done: the pressed 签收 ones").isEqualTo(pressed);
        return new Signed(fake.todos().size(), done, actions.getOrDefault("DONE", 0L));
    }

    // ---- the bureau -----------------------------------------------------------------------

    /** Stations, each with a head and officers, all with DingTalk ids. */
    record Bureau(List<String> units, Map<String, List<String>> officers) {

        String unit(int i) {
            return units.get(i % units.size());
        }

        String officer(int i) {
            List<String> of = officers.get(unit(i));
            return of.get((i / units.size()) % of.size());
        }
    }

    /** Seeds through the CSV imports of the first node (one transaction each). */
    static Bureau seed(AppNode node, int stations, int officersPerStation) {
        StringBuilder units = new StringBuilder("code,name,kind\n");
        StringBuilder people = new StringBuilder("officer_no,name,unit_code,roles,dingtalk_user_id,password\n");
        List<String> codes = new ArrayList<>();
        Map<String, List<String>> officers = new LinkedHashMap<>();
        for (int s = 1; s <= stations; s++) {
            String code = String.format("RU%03d", s);
            codes.add(code);
            units.append(code).append(",可靠性测试派出所").append(s).append(",STATION\n");
            people.append(String.format("RH%03d,所长%03d,%s,UNIT_HEAD,dtRH%03d,%s%n", s, s, code, s, "reliability-1"));
            List<String> list = new ArrayList<>();
            for (int o = 1; o <= officersPerStation; o++) {
                String no = String.format("RO%03d%02d", s, o);
                list.add(no);
                people.append(no).append(",民警").append(no).append(',').append(code).append(",OFFICER,dt").append(no)
                        .append(",reliability-1\n");
            }
            officers.put(code, list);
        }
        AppNode.Response u = node.postCsv("/api/org/units/import", units.toString());
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        AppNode.Response p = node.postCsv("/api/org/officers/import", people.toString());
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        return new Bureau(codes, officers);
    }

    // ---- registering ----------------------------------------------------------------------

    /** What registering took: the problems' ids, how long, and the answers that were not 201. */
    record Registered(List<Long> ids, Duration took, List<String> refusals) {
        double perSecond() {
            return ids.size() * 1000.0 / Math.max(1, took.toMillis());
        }
    }

    /**
     * Registers {@code count} problems through the nodes' API (round robin), on several threads;
     * a refused registration is tried again (at most 3 times) and reported.
     */
    static Registered register(List<AppNode> nodes, Bureau bureau, String label, int count, int threads,
            Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count && !Thread.currentThread().isInterrupted();
                        i = next.getAndIncrement()) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("source", "ONLINE_ENFORCEMENT_PATROL");
                    body.put("category", "CASE_FILING");
                    body.put("unitCode", bureau.unit(i));
                    body.put("officerNo", bureau.officer(i));
                    body.put("title", String.format("%s-%05d 受案回执未开具", label, i));
                    body.put("description", "可靠性测试：同时到期的问题之一。");
                    for (int attempt = 1; attempt <= 3; attempt++) {
                        AppNode node = nodes.get((i + attempt - 1) % nodes.size());
                        AppNode.Response r = node.post("/api/problems", body);
                        if (r.status() == 201) {
                            ids.add(r.json().path("id").asLong());
                            break;
                        }
                        refusals.add(node.name() + " " + r.status() + " " + abbreviate(r.body()));
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        Registered registered = new Registered(List.copyOf(ids), Duration.ofNanos(System.nanoTime() - start),
                List.copyOf(refusals));
        assertThat(registered.ids()).as("registered within %s; refused: %s", timeout, refusals).hasSize(count);
        return registered;
    }

    // ---- waiting --------------------------------------------------------------------------

    /** Polls (4 a second) until done, failing after the timeout with what it waited for. */
    static Duration await(String what, Duration timeout, BooleanSupplier done) {
        long start = System.nanoTime();
        long until = start + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            AppNode.sleep(Duration.ofMillis(250));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static long urged(ScratchDatabase db) {
        return db.count("SELECT COUNT(*) FROM problem_event WHERE kind = ?", URGE);
    }

    static boolean outboxDone(ScratchDatabase db) {
        return db.count("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'") == 0;
    }

    /** No card press waiting or being handled, and no outbox row (the card updates) left. */
    static boolean pressesDone(ScratchDatabase db) {
        return db.count("SELECT COUNT(*) FROM dingtalk_card_action WHERE status IN ('PENDING', 'WORKING')") == 0
                && outboxDone(db);
    }

    // ---- the promises ---------------------------------------------------------------------

    /** What the exactly-once check found, for the report. */
    record Delivered(long messages, long deliveries, int resentAndDropped) {
    }

    /**
     * Every problem reached its next step (the signing urge, 签收催办) exactly once, and every
     * message of the outbox reached each recipient exactly once at DingTalk. A message sent
     * again after a crash (before the node could mark it sent) must be DingTalk's to drop:
     * the same content to the same person on the same day; such drops are counted.
     */
    static Delivered assertExactlyOnce(ScratchDatabase db, FakeDingTalk fake, int problems) {
        return assertExactlyOnce(db, fake, problems, 0);
    }

    /**
     * The same, when {@code signed} of the problems were signed after their urge: their
     * overdue timers (Timer_SignOverdue) are gone with their Task_Sign.
     */
    static Delivered assertExactlyOnce(ScratchDatabase db, FakeDingTalk fake, int problems, int signed) {
        assertThat(db.count("SELECT COUNT(*) FROM problem")).isEqualTo(problems);
        assertThat(db.count("SELECT COUNT(*) FROM problem_event WHERE kind = ?", URGE))
                .as("urges (签收催办) in the timelines").isEqualTo(problems);
        assertThat(db.count("SELECT COUNT(DISTINCT problem_id) FROM problem_event WHERE kind = ?", URGE))
                .as("problems urged").isEqualTo(problems);
        assertThat(db.count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_SignUrge'"))
                .as("signing urges the engine ran").isEqualTo(problems);
        assertThat(db.count("SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_SignUrge'"))
                .isEqualTo(problems);
        assertThat(timers(db, "Timer_SignUrge")).as("signing timers left").isZero();
        assertThat(timers(db, "Timer_SignOverdue")).as("the next timers, one per problem not signed")
                .isEqualTo(problems - signed);
        assertThat(db.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
        assertThat(db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ <= 0")).as("jobs out of retries").isZero();

        assertThat(db.strings("SELECT ref FROM problem_event WHERE kind = 'MESSAGE' GROUP BY ref HAVING COUNT(*) > 1"))
                .as("a step's message in the timeline twice").isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM problem_event WHERE kind = 'MESSAGE'"))
                .as("messages in the timelines: the level's and the urge's").isEqualTo(2L * problems);
        // the tasks' DingTalk to-dos (channel TODO) and cards (CARD, CARD_UPD) have outbox rows
        // too; the messages are counted apart
        long rows = db.count("SELECT COUNT(*) FROM notification_outbox WHERE channel NOT IN ('TODO', 'CARD', 'CARD_UPD')");
        // the clock passes 08:00 of a working day: the morning digest (每日推送) goes out too, each
        // person's once like every other message, but is not a step of the problems
        long digests = db.count("SELECT COUNT(*) FROM notification_outbox WHERE step = 'DIGEST'");
        assertThat(rows - digests).as("outbox: unit head and officer for both steps").isEqualTo(4L * problems);
        assertThat(db.counts("SELECT status, COUNT(*) FROM notification_outbox GROUP BY status"))
                .isEqualTo(Map.of("SENT", db.count("SELECT COUNT(*) FROM notification_outbox")));
        Map<String, Integer> todosBySource = new HashMap<>();
        fake.todos().forEach(todo -> todosBySource.merge(todo.sourceId(), 1, Integer::sum));
        assertThat(todosBySource.values()).as("one DingTalk to-do per task").allMatch(n -> n == 1);

        Map<String, Integer> expected = new HashMap<>();
        for (List<Object> row : db.rows("SELECT recipient, title FROM notification_outbox WHERE channel = 'WORK'")) {
            expected.merge(row.get(0) + " | " + row.get(1), 1, Integer::sum);
        }
        assertThat(expected.values()).as("one outbox row per recipient and message").containsOnly(1);
        Map<String, Integer> delivered = new HashMap<>();
        long deliveries = 0;
        for (FakeDingTalk.Received r : fake.received()) {
            for (String user : r.userIds()) {
                delivered.merge(user + " | " + r.title(), 1, Integer::sum);
                deliveries++;
            }
        }
        List<String> twice = delivered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(twice).as("delivered twice").isEmpty();
        List<String> missing = expected.keySet().stream().filter(k -> !delivered.containsKey(k)).limit(10).toList();
        assertThat(missing).as("never delivered").isEmpty();
        assertThat(delivered.keySet()).as("delivered but not in the outbox").isEqualTo(expected.keySet());
        for (FakeDingTalk.Received r : fake.dropped()) {
            for (String user : r.userIds()) {
                assertThat(expected).as("dropped as a repeat of a delivered message").containsKey(user + " | " + r.title());
            }
        }
        return new Delivered(rows, deliveries, fake.dropped().size());
    }

    static long timers(ScratchDatabase db, String activity) {
        return db.count("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON j.JOB_DEF_ID_ = d.ID_"
                + " WHERE d.ACT_ID_ = ?", activity);
    }

    /** Successful runs of the signing timers per node (Camunda's job log names the host). */
    static Map<String, Long> urgesByNode(ScratchDatabase db) {
        return db.counts("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND ACT_ID_ = ?"
                + " GROUP BY HOSTNAME_", "Timer_SignUrge");
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** One line of the scenario's figures, in the test's output (the numbers of docs/reliability.md). */
    static void report(String scenario, Map<String, Object> figures) {
        StringBuilder line = new StringBuilder("RELIABILITY ").append(scenario);
        figures.forEach((k, v) -> line.append(" | ").append(k).append(": ").append(v));
        System.out.println(line);
    }
}
