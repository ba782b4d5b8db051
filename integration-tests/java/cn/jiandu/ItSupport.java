package cn.jiandu;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jiandu.calendar.AppClock;
import cn.jiandu.notification.Dispatcher;
import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Base of the end-to-end tests: the whole app on a random port, reached through HTTP only.
 * Metrics export stays on as in production (Spring's tests switch it off by default).
 * One Spring context for every IT (same configuration, so the test framework shares it).
 * -Dit.db=h2 (default, in memory) or -Dit.db=mariadb (127.0.0.1:3306, database test).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = JianduApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = ItSupport.Profiles.class)
public abstract class ItSupport {

    public static final String ADMIN = "itadmin";
    public static final String ADMIN_PASSWORD = "it-admin-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    // what many tests drive or look into besides HTTP: the app's clock, the database, the
    // outbox's dispatcher, the engine, the fake DingTalk server
    @Autowired
    protected AppClock clock;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected Dispatcher dispatcher;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected FakeDingTalk dingtalk;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (isMariaDb()) {
            // the production profile "mysql", given its settings as the environment would
            registry.add("JIANDU_DB_URL", () -> System.getProperty("it.jdbc.url", "jdbc:mysql://127.0.0.1:3306/test")
                    + "?sendFractionalSeconds=false&characterEncoding=UTF-8");
            registry.add("JIANDU_DB_USERNAME", () -> System.getProperty("it.jdbc.username", "root"));
            registry.add("JIANDU_DB_PASSWORD", () -> System.getProperty("it.jdbc.password", ""));
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:jiandu-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
    }

    /** "it", plus the production profile "mysql" when the tests run on MariaDB. */
    static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return isMariaDb() ? new String[] {"it", "mysql"} : new String[] {"it"};
        }
    }

    public static boolean isMariaDb() {
        return "mariadb".equalsIgnoreCase(System.getProperty("it.db", "h2"));
    }

    protected Http as(String user, String password) {
        return new Http(port, json, user, password);
    }

    protected Http admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    protected Http anonymous() {
        return new Http(port, json, null, null);
    }

    /**
     * A Monday a week before every problem stored (and after 1970, where MariaDB's TIMESTAMP
     * begins): a test that moves the clock back there and registers problems has that day's
     * report and the first places of the overdue lists to itself, however long the database
     * has lived.
     */
    protected static LocalDate mondayBeforeEveryProblem(JdbcTemplate jdbc) {
        java.sql.Timestamp earliest = jdbc.queryForObject("SELECT MIN(created_at) FROM problem",
                java.sql.Timestamp.class);
        LocalDate before = (earliest == null ? LocalDate.of(2000, 1, 1) : earliest.toLocalDateTime().toLocalDate())
                .minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate floor = LocalDate.of(1971, 1, 4);
        return before.isBefore(floor) ? floor.plusWeeks(ThreadLocalRandom.current().nextInt(200)) : before;
    }

    /** A short suffix that keeps codes unique on a database that outlives one run. */
    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** Sends what the outbox holds, round after round, until nothing is due (at most 30 rounds). */
    protected void drain() {
        for (int i = 0; i < 30 && dispatcher.dispatchOnce() > 0; i++) {
            // until nothing due is left
        }
    }

    /**
     * Sets aside (FAILED) what earlier tests left unsent in the outbox of the shared context
     * (their DingTalk to-dos and messages, never dispatched since the tests dispatch
     * themselves), so that a test's own rounds send its own rows and not a backlog.
     */
    protected void setAsideUnsentMessages() {
        jdbc.update("UPDATE notification_outbox SET status = 'FAILED', last_error = ? WHERE status = 'PENDING'",
                "set aside by a test: left unsent by an earlier test");
    }
}
