package cn.jiandu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Database outage: 1,000 problems fall due together; when a fifth of them have been urged the
 * database server is stopped (SIGTERM) for 30 seconds and started again. The node is never
 * restarted: its health says DOWN within seconds and UP again by itself, the jobs the outage
 * cut off are run again (no incident, no job out of retries), every problem reaches its next
 * step exactly once and every message reaches each recipient exactly once.
 * <p>
 * The server is a MariaDB of the test's own ({@link PrivateMariaDb}, under target/reliability),
 * not the shared server of the other tests, which keeps running.
 */
class DatabaseOutageReliabilityIT {

    static final int PROBLEMS = 1_000;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @BeforeAll
    static void onlyOnMariaDbWithProcesses() {
        Storm.assumeEnabled();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void shouldGoDownAndComeBackByItselfLosingNothingWhenTheDatabaseStopsMidStorm() {
        long start = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("problems", PROBLEMS);
        // the server's data directory goes with it: the scratch database is not dropped apart
        try (PrivateMariaDb server = PrivateMariaDb.create("outage-db");
                FakeDingTalk dingtalk = Storm.dingtalk()) {
            ScratchDatabase db = ScratchDatabase.create("jiandu_rel_outage", server.serverUrl(), PrivateMariaDb.USER,
                    PrivateMariaDb.PASSWORD);
            // A request for a connection gives up after 3 s (Hikari's default: 30 s), which is
            // how long health takes to say DOWN. Job locks expire after 20 s instead of
            // Camunda's 5 min: a job the outage cut off before its failure could be written
            // waits for its lock to expire (production: 5 min after the outage).
            String[] settings = {"--spring.datasource.hikari.connection-timeout=3000",
                    "--camunda.bpm.job-execution.lock-time-in-millis=20000"};
            try (AppNode node = AppNode.start("outage", db, dingtalk.baseUrl(), settings)) {
                node.awaitUp(Duration.ofMinutes(3));
                node.setClock(Storm.workingMorning());
                Storm.Bureau bureau = Storm.seed(node, 20, 4);
                Storm.Registered registered = Storm.register(List.of(node), bureau, "断库", PROBLEMS, 4,
                        Duration.ofMinutes(3));
                figures.put("registered/s", Math.round(registered.perSecond()));

                // every signing deadline (24 h) passes at once
                node.setClock(Storm.workingMorning().plus(Duration.ofHours(25)));
                Storm.await("a fifth of the problems urged", Duration.ofMinutes(2),
                        () -> Storm.urged(db) >= PROBLEMS / 5);
                long urgedBefore = Storm.urged(db);
                long sentBefore = db.count("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT'");
                long stopping = System.nanoTime();
                server.stop();
                long stopped = System.nanoTime();
                figures.put("urged before the stop", urgedBefore);
                figures.put("outbox rows sent before the stop", sentBefore);
                figures.put("server shut down in", seconds(stopped - stopping));
                assertThat(urgedBefore).as("stopped mid-storm").isLessThan(PROBLEMS);

                Duration down = awaitHealth(node, 503, Duration.ofSeconds(30));
                figures.put("health DOWN after", seconds(down));
                assertThat(down).as("health says DOWN within seconds").isLessThan(Duration.ofSeconds(15));
                int probesWhileDown = 0;
                while (System.nanoTime() - stopped < OUTAGE.toNanos()) {
                    AppNode.Response h = node.health();
                    assertThat(h.status()).as("health while the database is away: %s", h.body()).isEqualTo(503);
                    probesWhileDown++;
                    AppNode.sleep(Duration.ofSeconds(1));
                }
                figures.put("health probes while down (all 503)", probesWhileDown);
                assertThat(node.alive()).as("the node lives through the outage").isTrue();

                long restarting = System.nanoTime();
                figures.put("database away", seconds(restarting - stopped));
                server.start();
                figures.put("server up in", seconds(System.nanoTime() - restarting));
                long urgedAfter = Storm.urged(db);
                figures.put("urged when it was back", urgedAfter);
                figures.put("jobs locked when it was back",
                        db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL"));
                Duration up = awaitHealth(node, 200, Duration.ofMinutes(2));
                figures.put("health UP after", seconds(up));
                assertThat(node.health().body()).contains("UP");

                Duration rest = Storm.await("every problem urged and every message sent after the outage",
                        Duration.ofMinutes(3), () -> Storm.urged(db) >= PROBLEMS && Storm.outboxDone(db));
                figures.put("back to done", seconds(rest.plus(up)));

                Storm.Delivered delivered = Storm.assertExactlyOnce(db, dingtalk, PROBLEMS);
                figures.put("messages", delivered.messages());
                figures.put("deliveries", delivered.deliveries());
                figures.put("repeats dropped by DingTalk", delivered.resentAndDropped());

                // The outage made job runs fail. Their failure could mostly not be written (the
                // database was away), so the jobs stayed locked and ran again once their locks
                // expired; what was written counts against the retries (R10/PT10S). Each job
                // whose run failed succeeded later, none is out of retries, no incident.
                Pattern failedRun = Pattern.compile("Exception while executing job ([0-9a-f-]{36})");
                Set<String> failedJobs = new TreeSet<>();
                node.logLines("Exception while executing job").forEach(line -> {
                    Matcher m = failedRun.matcher(line);
                    if (m.find()) {
                        failedJobs.add(m.group(1));
                    }
                });
                long failedRuns = node.logLines("Exception while executing job").size();
                long failuresWritten = db.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1");
                figures.put("job runs failed (node log)", failedRuns + " (" + failedJobs.size() + " jobs)");
                figures.put("of them written to Camunda's job log", failuresWritten);
                figures.put("job acquisitions failed", node.logLines("Exception during job acquisition").size());
                assertThat(failedJobs).as("job runs the outage made fail").isNotEmpty();
                for (String job : failedJobs) {
                    assertThat(db.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_STATE_ = 2", job))
                            .as("job %s, failed in the outage, ran again and succeeded", job).isEqualTo(1);
                }
                assertThat(node.alive()).as("never restarted").isTrue();
                assertThat(delivered.resentAndDropped())
                        .as("a message sent while the database was away is marked when it is back, not sent again")
                        .isZero();
            }
        } finally {
            figures.put("took", seconds(System.nanoTime() - start));
            Storm.report("outage", figures);
        }
    }

    /** Polls health until it answers {@code status}; how long that took. */
    private static Duration awaitHealth(AppNode node, int status, Duration timeout) {
        long start = System.nanoTime();
        long until = start + timeout.toNanos();
        AppNode.Response last = null;
        while (System.nanoTime() < until) {
            last = node.health();
            if (last.status() == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            AppNode.sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("health not " + status + " within " + timeout + "; last: " + last + "\n" + node.tail());
    }

    private static String seconds(long nanos) {
        return seconds(Duration.ofNanos(nanos));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
