package cn.jiandu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * B1, B2, B4 and B5 of issue 7, each beside its baseline on the same engine and database:
 * the app runs as its own process (the jar), the fake DingTalk server in this one.
 * <ul>
 * <li>B5 footprint: start-up time to health UP, resident memory idle and under B1.</li>
 * <li>B1 registration: POST /api/problems per second against a bare one-user-task process
 * started through the engine REST API.</li>
 * <li>B2 deadline storm: N open problems whose signing deadline passes at one instant (the
 * clock moved): time until every urging is recorded with its messages in the outbox, lag
 * p50/p99/max; against N no-op timer jobs.</li>
 * <li>B4 dispatch: the storm's work notifications to the fake DingTalk: messages per second
 * and calls made.</li>
 * </ul>
 * Run by bench/engine-benchmark.sh; appends to bench/results.md.
 */
public final class EngineBenchmark {

    private static final String ADMIN = "bench";
    private static final String PASSWORD = "bench-password-1";
    private static final String APP_KEY = "bench-app-key";
    private static final String APP_SECRET = "bench-app-secret";
    private static final long AGENT = 100000001L;

    private final String db;
    private final int registrations;
    private final int storm;
    private final int threads;
    private final Path jar;
    private final Path results;
    /** The app's JVM options (production's: README, "Running in production"). */
    private final String appOpts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder out = new StringBuilder();
    private String base;
    private String jdbcUrl;
    private String jdbcUser;
    private Process app;
    private FakeDingTalk fake;

    private EngineBenchmark() {
        db = System.getProperty("bench.db", "h2");
        registrations = Integer.getInteger("bench.registrations", 500);
        storm = Integer.getInteger("bench.storm", 10_000);
        threads = Integer.getInteger("bench.threads", 4);
        jar = Path.of(System.getProperty("bench.jar", "target/jiandu-0.1.0-SNAPSHOT.jar"));
        results = Path.of(System.getProperty("bench.results", "bench/results.md"));
        appOpts = System.getProperty("bench.appOpts", "-Xmx1g");
    }

    public static void main(String[] args) throws Exception {
        new EngineBenchmark().run();
    }

    private void run() throws Exception {
        fake = new FakeDingTalk(FakeDingTalk.Config.of(APP_KEY, APP_SECRET, AGENT)).start();
        try {
            header();
            // the first start on an empty database creates Camunda's and Jiandu's schemas; the
            // start a bureau waits for after a deployment or a restart finds them there
            long started = System.nanoTime();
            startApp(true, jar, List.of());
            double firstStart = (System.nanoTime() - started) / 1e9;
            stopApp();
            // Class Data Sharing (README, "Performance and benchmarks"): the jar extracted, one training
            // start that writes the archive of the classes it loaded, then starts that map it
            Path cdsJar = extractForCds();
            Path archive = cdsJar.resolveSibling("jiandu.jsa");
            started = System.nanoTime();
            startApp(false, cdsJar, List.of());
            double extractedRestart = (System.nanoTime() - started) / 1e9;
            stopApp();
            started = System.nanoTime();
            launchApp(false, cdsJar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
            if (app.waitFor() != 0 || !Files.exists(archive)) {
                throw new IllegalStateException("the CDS training start wrote no archive: see bench/work/engine-app.log");
            }
            double training = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            startApp(false, cdsJar, List.of("-XX:SharedArchiveFile=" + archive));
            double cdsRestart = (System.nanoTime() - started) / 1e9;
            stopApp();
            started = System.nanoTime();
            startApp(false, jar, List.of());
            double restart = (System.nanoTime() - started) / 1e9;
            Thread.sleep(20_000);
            long idleRss = rss(app.pid());
            line("B5 start-up to health UP, first start (empty database: schemas created)",
                    String.format(Locale.ROOT, "%.1f s", firstStart), "", "");
            line("B5 start-up to health UP, restart (schemas there)", String.format(Locale.ROOT, "%.1f s", restart), "", "");
            line("B5 start-up to health UP, restart from the extracted jar (java -Djarmode=tools … extract)",
                    String.format(Locale.ROOT, "%.1f s", extractedRestart), "", "");
            line("B5 start-up to health UP, restart from the extracted jar with its CDS archive",
                    String.format(Locale.ROOT, "%.1f s", cdsRestart),
                    String.format(Locale.ROOT, "training start writing the archive: %.1f s", training), "");
            line("B5 resident memory, idle", mb(idleRss), "", "");
            seed();
            b1();
            b2andB4();
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor();
            }
            fake.stop();
        }
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8,
                Files.exists(results) ? java.nio.file.StandardOpenOption.APPEND : java.nio.file.StandardOpenOption.CREATE);
        System.out.println(out);
    }

    private void header() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        out.append("\n## Engine benchmarks B1, B2, B4, B5 on ").append(db.equals("h2") ? "H2 (file)" : "MariaDB")
                .append(" — ").append(LocalDate.now()).append("\n\n")
                .append("Machine: ").append(cores).append(" cores, ").append(memory).append(", JDK ")
                .append(System.getProperty("java.version")).append(" (")
                .append(ManagementFactory.getRuntimeMXBean().getVmName()).append(")\n")
                .append("Settings: ").append(registrations).append(" registrations over ").append(threads)
                .append(" client threads; storm of ").append(storm).append(" problems; the app as its own process (")
                .append(jar.getFileName()).append(", JVM ").append(appOpts)
                .append("), settings of application.yaml (the tuned job executor, history level jiandu, 8 DingTalk senders), ")
                .append("fake DingTalk in the benchmark's JVM, dispatcher polling every 0.2 s.\n\n")
                .append("| figure | Jiandu | baseline (same run) | ratio |\n|---|---|---|---|\n");
    }

    private void line(String figure, String jiandu, String baseline, String ratio) {
        out.append("| ").append(figure).append(" | ").append(jiandu).append(" | ").append(baseline).append(" | ")
                .append(ratio).append(" |\n");
        System.out.println(figure + ": " + jiandu + " / " + baseline + " " + ratio);
    }

    private void stopApp() throws InterruptedException {
        app.destroy();
        app.waitFor();
    }

    /** The jar extracted for CDS (Spring Boot's jarmode tools): the app's jar and its lib/ beside it. */
    private Path extractForCds() throws Exception {
        Path dir = Path.of("bench/work/cds");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Process extract = new ProcessBuilder("java", "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString()).inheritIO().start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting " + jar + " for CDS failed");
        }
        return dir.resolve(jar.getFileName());
    }

    /** Starts the app (see {@link #launchApp}) and waits for its health to be UP. */
    private void startApp(boolean fresh, Path appJar, List<String> jvmExtra) throws Exception {
        launchApp(fresh, appJar, jvmExtra);
        awaitUp();
    }

    /**
     * Starts the app from {@code appJar} with the extra JVM options on the benchmark's database,
     * emptied first when {@code fresh}; does not wait for it.
     */
    private void launchApp(boolean fresh, Path appJar, List<String> jvmExtra) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(List.of(appOpts.trim().split("\\s+")));
        cmd.addAll(jvmExtra);
        cmd.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-jar", appJar.toString(), "--server.port=" + port,
                "--jiandu.admin.username=" + ADMIN, "--jiandu.admin.password=" + PASSWORD, "--jiandu.clock.adjustable=true",
                "--jiandu.dingtalk.oapi-base-url=" + fake.baseUrl(), "--jiandu.dingtalk.api-base-url=" + fake.baseUrl(),
                "--jiandu.dingtalk.app-key=" + APP_KEY, "--jiandu.dingtalk.app-secret=" + APP_SECRET,
                "--jiandu.dingtalk.agent-id=" + AGENT, "--jiandu.notification.poll-interval=PT0.2S",
                // no quiet hours: a run at night would otherwise hold the blue messages until 07:00
                "--jiandu.notification.quiet-start=00:00", "--jiandu.notification.quiet-end=00:00",
                "--logging.level.root=warn"));
        ProcessBuilder builder = new ProcessBuilder(cmd);
        // BENCHMARK ONLY: the personal-data key, decodes to "jiandu-bench-key-only-for-bench!"
        builder.environment().put("JIANDU_PRIVACY_KEY", "amlhbmR1LWJlbmNoLWtleS1vbmx5LWZvci1iZW5jaCE=");
        if (db.equals("h2")) {
            Path dir = Path.of("bench/work/h2");
            Files.createDirectories(dir);
            try (var files = fresh ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            jdbcUrl = "jdbc:h2:file:" + dir.toAbsolutePath() + "/jiandu;AUTO_SERVER=TRUE";
            jdbcUser = "sa";
            cmd.add("--spring.datasource.url=" + jdbcUrl);
        } else {
            jdbcUrl = "jdbc:mysql://127.0.0.1:3306/jiandu_bench?sendFractionalSeconds=false";
            jdbcUser = "root";
            cmd.add("--spring.profiles.active=mysql");
            builder.environment().put("JIANDU_DB_URL", jdbcUrl);
            builder.environment().put("JIANDU_DB_USERNAME", "root");
            builder.environment().put("JIANDU_DB_PASSWORD", "");
        }
        builder.command(cmd);
        Files.createDirectories(Path.of("bench/work"));
        builder.redirectErrorStream(true).redirectOutput(Path.of("bench/work/engine-app.log").toFile());
        app = builder.start();
    }

    private void awaitUp() throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not start: see bench/work/engine-app.log");
    }

    private void seed() throws Exception {
        post("/api/org/units", "{\"code\":\"BU1\",\"name\":\"基准测试派出所\",\"kind\":\"STATION\"}");
        post("/api/org/units", "{\"code\":\"BL1\",\"name\":\"基准测试法制大队\",\"kind\":\"LEGAL\"}");
        officer("910001", "BU1", "UNIT_HEAD");
        officer("910002", "BU1", "OFFICER");
        officer("910003", "BL1", "LEGAL_CAPTAIN");
        String bare = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
                  <process id="bench_user_task" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                    <userTask id="t" camunda:candidateGroups="unit_BU1"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                    <endEvent id="e"/>
                  </process>
                  <process id="bench_timer" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s2"/><sequenceFlow id="g1" sourceRef="s2" targetRef="w"/>
                    <intermediateCatchEvent id="w"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
                    <sequenceFlow id="g2" sourceRef="w" targetRef="e2"/><endEvent id="e2"/>
                  </process>
                </definitions>
                """;
        String boundary = "----bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bare + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = http.send(request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        require(deployed, 200);
    }

    private void officer(String no, String unit, String role) throws Exception {
        post("/api/org/officers", "{\"officerNo\":\"" + no + "\",\"name\":\"基准" + no + "\",\"unitCode\":\"" + unit
                + "\",\"roles\":[\"" + role + "\"],\"dingtalkUserId\":\"dt" + no + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    /** B1: registrations per second, and a bare process with one user task started as fast. */
    private void b1() throws Exception {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rss(app.pid()), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        warmUp();
        long cpu0 = cpuMillis(app.pid());
        double jiandu = rate(registrations, i -> post("/api/problems", problem("B1登记" + i)));
        long cpu1 = cpuMillis(app.pid());
        double bare = rate(registrations, i -> post("/engine-rest/process-definition/key/bench_user_task/start", "{}"));
        long cpu2 = cpuMillis(app.pid());
        sampler.interrupt();
        line("B1 registrations per second", String.format(Locale.ROOT, "%.0f /s", jiandu),
                String.format(Locale.ROOT, "%.0f /s (bare process, one user task)", bare),
                String.format(Locale.ROOT, "%.2f", jiandu / bare));
        // CPU the app spent per request: what the rate is made of, whatever else the machine does
        line("B1 app CPU per registration", String.format(Locale.ROOT, "%.1f ms", (cpu1 - cpu0) / (double) registrations),
                String.format(Locale.ROOT, "%.1f ms per bare start", (cpu2 - cpu1) / (double) registrations),
                String.format(Locale.ROOT, "%.2f", (cpu1 - cpu0) / (double) Math.max(1, cpu2 - cpu1)));
        line("B5 resident memory, peak under B1", mb(peak.get()), "", "");
    }

    private void warmUp() throws Exception {
        for (int i = 0; i < 50; i++) {
            post("/api/problems", problem("预热" + i));
            post("/engine-rest/process-definition/key/bench_user_task/start", "{}");
        }
    }

    private static String problem(String title) {
        return "{\"source\":\"HOTLINE_12345\",\"category\":\"CASE_FILING\",\"unitCode\":\"BU1\",\"officerNo\":\"910002\","
                + "\"title\":\"" + title + "\",\"description\":\"基准测试问题\"}";
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private double rate(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                call.run(k);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return n / seconds;
    }

    /** B2 and B4: everything falls due at one instant. */
    private void b2andB4() throws Exception {
        Instant now = java.time.OffsetDateTime.parse(get("/api/admin/clock")
                .replaceAll("(?s).*\"now\"\\s*:\\s*\"([^\"]+)\".*", "$1")).toInstant();
        // the baseline: storm no-op timers due an hour after their start (a start may carry no
        // variables of the client's: the engine API takes only a form's fields)
        rate(storm, i -> post("/engine-rest/process-definition/key/bench_timer/start", "{}"));
        Instant jumpA = now.plus(Duration.ofHours(2));
        moveClock(jumpA);
        long t0 = System.nanoTime();
        waitFor("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON p.PROC_DEF_ID_ = d.ID_ "
                + "WHERE d.KEY_ = 'bench_timer' AND p.END_TIME_ IS NOT NULL", storm, Duration.ofMinutes(20));
        double bareSeconds = (System.nanoTime() - t0) / 1e9;
        List<Long> bareLags = lags("SELECT p.END_TIME_ FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d "
                + "ON p.PROC_DEF_ID_ = d.ID_ WHERE d.KEY_ = 'bench_timer'", jumpA);

        // Jiandu: storm problems whose 24-hour signing deadline passes at one instant
        rate(storm, i -> post("/api/problems", problem("B2风暴" + i)));
        // the registrations' own messages (B1's and these) are sent first, so that B4 counts the storm's
        waitFor("SELECT COUNT(*) FROM notification_outbox WHERE status IN ('SENT', 'FAILED')",
                count("SELECT COUNT(*) FROM notification_outbox"), Duration.ofMinutes(30));
        Instant jumpB = jumpA.plus(Duration.ofHours(26));
        fake.reset();
        moveClock(jumpB);
        long t1 = System.nanoTime();
        waitFor("SELECT COUNT(*) FROM problem_event e JOIN problem p ON p.id = e.problem_id "
                + "WHERE e.kind = 'URGE' AND p.title LIKE 'B2风暴%'", storm, Duration.ofMinutes(30));
        waitFor("SELECT COUNT(DISTINCT message_key) FROM notification_outbox o JOIN problem p ON p.id = o.problem_id "
                + "WHERE o.step = 'SIGN_URGE' AND p.title LIKE 'B2风暴%'", storm, Duration.ofMinutes(5));
        double jianduSeconds = (System.nanoTime() - t1) / 1e9;
        List<Long> lags = lags("SELECT e.at FROM problem_event e JOIN problem p ON p.id = e.problem_id "
                + "WHERE e.kind = 'URGE' AND p.title LIKE 'B2风暴%'", jumpB);
        line("B2 storm: all " + storm + " done", String.format(Locale.ROOT, "%.1f s", jianduSeconds),
                String.format(Locale.ROOT, "%.1f s (%d no-op timers)", bareSeconds, storm),
                String.format(Locale.ROOT, "%.2f", jianduSeconds / bareSeconds));
        line("B2 lag due→done p50 / p99 / max", percentiles(lags), percentiles(bareLags), "");

        // B4: the storm's work notifications (one per problem, three readers each)
        waitFor("SELECT COUNT(DISTINCT message_key) FROM notification_outbox o JOIN problem p ON p.id = o.problem_id "
                + "WHERE o.step = 'SIGN_URGE' AND o.status = 'SENT' AND p.title LIKE 'B2风暴%'", storm,
                Duration.ofMinutes(20));
        double dispatchSeconds = (System.nanoTime() - t1) / 1e9;
        line("B4 " + storm + " work notifications sent (from the storm's start)",
                String.format(Locale.ROOT, "%.1f s, %.0f messages/s", dispatchSeconds, storm / dispatchSeconds),
                "calls: " + fake.calls("asyncsend_v2") + " asyncsend_v2, " + (fake.calls("gettoken")
                        + fake.calls("accessToken")) + " token", "");
    }

    private void moveClock(Instant to) throws Exception {
        post("/api/admin/clock", "{\"now\":\"" + to + "\"}", 200);
    }

    private void waitFor(String countSql, long expected, Duration limit) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            while (System.nanoTime() < until) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(countSql)) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("not reached in " + limit + ": " + countSql);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> lags(String timesSql, Instant due) throws Exception {
        List<Long> lags = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(timesSql)) {
            while (rs.next()) {
                lags.add(Math.max(0, rs.getTimestamp(1).toInstant().toEpochMilli() - due.toEpochMilli()));
            }
        }
        Collections.sort(lags);
        return lags;
    }

    private static String percentiles(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f s / %.1f s / %.1f s", sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** User and system CPU time of a process (/proc/pid/stat, clock ticks of 10 ms). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        require(response, 200);
        return response.body();
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
        }
    }

    private void post(String path, String json, int status) throws Exception {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        require(response, status);
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " → " + response.statusCode() + " " + response.body());
        }
    }
}
