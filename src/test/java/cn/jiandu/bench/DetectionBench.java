package cn.jiandu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detection benchmark (bench/detection/run.sh starts the app on MariaDB and calls this):
 * generates the ledgers row by row and streams them through the HTTP API of a running app
 * (never a whole file in memory, here or in the app), runs every rule over them in full,
 * changes some thousands of cases, runs again incrementally, and appends the figures to
 * bench/results.md. Only the JDK is needed: java -cp target/test-classes
 * cn.jiandu.bench.DetectionBench [options]. Not a test.
 * <p>
 * With {@code --jdbc URL} (and the driver on the class path) it also measures the
 * baselines on the same database: the same rows written by a plain JDBC batch insert into
 * tables of the same shape (bench_plain_incident, bench_plain_case: same keys and indexes,
 * no import bookkeeping, no checks), and one indexed {@code SELECT COUNT(*)} over the
 * ledgers (incidents without a case), against which the full rule run is set.
 * <p>
 * The data: N incidents over the last 180 days in 20 units, one case per incident, a
 * coercive measure for every hundredth case; about one record in a thousand (--violations
 * per mille) breaks each rule, so the full run opens a problem, and its Camunda process,
 * for each of those.
 */
public final class DetectionBench {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int UNITS = 20;

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final long rows;
    private final long changed;
    private final int perMille;
    private final long seed;
    private final Instant anchor;
    private final Path results;
    private final String database;
    private final List<String> lines = new ArrayList<>();
    private String jdbcUrl;
    private String jdbcUser = "root";
    private String jdbcPassword = "";

    private DetectionBench(String base, String user, String password, long rows, long changed, int perMille, long seed,
            Path results, String database) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.rows = rows;
        this.changed = changed;
        this.perMille = perMille;
        this.seed = seed;
        this.anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        this.results = results;
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:18080";
        String user = "bench";
        String password = "bench-secret-1";
        long rows = 100_000;
        long changed = 10_000;
        int perMille = 1;
        long seed = 42;
        Path results = Path.of("bench/results.md");
        String database = "MariaDB";
        String jdbc = null;
        String jdbcUser = "root";
        String jdbcPassword = "";
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> base = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
                case "--changed" -> changed = Long.parseLong(value.replace("_", ""));
                case "--violations" -> perMille = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--results" -> results = Path.of(value);
                case "--database" -> database = value;
                case "--jdbc" -> jdbc = value;
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DetectionBench bench = new DetectionBench(base, user, password, rows, changed, perMille, seed, results, database);
        bench.jdbcUrl = jdbc;
        bench.jdbcUser = jdbcUser;
        bench.jdbcPassword = jdbcPassword;
        bench.run();
    }

    private void run() throws Exception {
        for (int u = 1; u <= UNITS; u++) {
            String code = unit(u);
            HttpResponse<String> created = send(request("/api/org/units").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"基准派出所" + u
                            + "\",\"kind\":\"STATION\"}")));
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("unit " + code + ": " + created.statusCode() + " " + created.body());
            }
        }
        long measures = rows / 100;
        Timed incidents = importLedger("incidents", INCIDENT_HEADER, rows, this::incident);
        row("import incidents", rows, incidents);
        if (jdbcUrl != null) {
            baseline("baseline: plain JDBC batch insert of the same incidents", rows, incidents,
                    plainInsert(PLAIN_INCIDENT, INCIDENT_INSERT, rows, this::incident));
        }
        Timed cases = importLedger("cases", CASE_HEADER, rows, i -> kase(i, false));
        row("import cases", rows, cases);
        if (jdbcUrl != null) {
            baseline("baseline: plain JDBC batch insert of the same cases", rows, cases,
                    plainInsert(PLAIN_CASE, CASE_INSERT, rows, i -> kase(i, false)));
            dropPlainTables();
        }
        row("import measures", measures, importLedger("measures", MEASURE_HEADER, measures, this::measure));
        Timed full = detect("?mode=FULL");
        row("full run (mode=FULL)", -1, full);
        if (jdbcUrl != null) {
            baseline("baseline: one indexed SELECT COUNT(*) over the ledgers", -1, full, countBaseline());
        }
        row("rerun, nothing changed (incremental)", -1, detect(""));
        long step = Math.max(1, rows / changed);
        row("import " + changed + " changed cases", changed, importLedger("cases", CASE_HEADER, changed,
                k -> kase(1 + (k - 1) * step, true)));
        row("incremental run after the change", -1, detect(""));
        write();
    }

    // ---- the data --------------------------------------------------------------------------

    private static final String INCIDENT_HEADER = "incident_no,unit_code,category,received_at,diverted_at,summary\n";
    private static final String CASE_HEADER = "case_no,incident_no,unit_code,officer_no,category,accepted_at,receipt_at,"
            + "filed_at,filing_notice_at,not_filed_at,closed_at\n";
    private static final String MEASURE_HEADER = "measure_no,case_no,type,start_at,end_at,released_at\n";

    /** The same numbers for a row every time (a change re-creates the row it changes). */
    private SplittableRandom random(long i, long salt) {
        return new SplittableRandom(seed * 1_000_003L + i * 31 + salt);
    }

    private boolean breaks(SplittableRandom r) {
        return r.nextInt(1000) < perMille;
    }

    private Instant received(long i) {
        return anchor.minus(Duration.ofSeconds(random(i, 1).nextLong(180L * 86_400)));
    }

    private String category(long i) {
        int c = random(i, 2).nextInt(10);
        return c < 4 ? "ADMINISTRATIVE" : c < 7 ? "CRIMINAL" : "OTHER";
    }

    private String incident(long i) {
        SplittableRandom r = random(i, 3);
        Instant received = received(i);
        String diverted = breaks(r) ? "" : time(received.plus(Duration.ofMinutes(10 + r.nextInt(20 * 60))));
        return "J" + i + "," + unit(1 + (int) (i % UNITS)) + "," + category(i) + "," + time(received) + "," + diverted
                + ",基准警情" + i + "\n";
    }

    /** Case i of incident i; {@code fixed}: the change of the benchmark (missing documents supplied, closed). */
    private String kase(long i, boolean fixed) {
        SplittableRandom r = random(i, 4);
        // every number drawn whatever the row turns out to be: a changed row differs only where it is fixed
        int acceptedAfter = 30 + r.nextInt(47 * 60);
        boolean acceptedLate = breaks(r);
        int lateDays = 4 + r.nextInt(5);
        boolean noReceipt = breaks(r);
        int receiptAfter = 5 + r.nextInt(60);
        int decidedAfter = 60 + r.nextInt(47 * 60);
        boolean notDecided = breaks(r);
        boolean notFiledDecision = r.nextInt(10) == 0;
        boolean noNotice = breaks(r);
        int noticeAfter = 2 + r.nextInt(20);

        Instant received = received(i);
        boolean criminal = category(i).equals("CRIMINAL");
        Instant accepted = !criminal && acceptedLate ? received.plus(Duration.ofDays(lateDays))
                : received.plus(Duration.ofMinutes(acceptedAfter));
        Instant receipt = noReceipt && !fixed ? null : accepted.plus(Duration.ofMinutes(receiptAfter));
        Instant filed = null;
        Instant notice = null;
        Instant notFiled = null;
        if (criminal) {
            Instant decided = received.plus(Duration.ofMinutes(decidedAfter));
            if (notDecided) {
                decided = fixed ? received.plus(Duration.ofDays(10)) : null;
            }
            if (notFiledDecision) {
                notFiled = decided;
            } else {
                filed = decided;
                notice = filed == null || (noNotice && !fixed) ? null : filed.plus(Duration.ofHours(noticeAfter));
            }
        }
        Instant closed = fixed ? accepted.plus(Duration.ofDays(30)) : null;
        return "A" + i + ",J" + i + "," + unit(1 + (int) (i % UNITS)) + ",," + (criminal ? "CRIMINAL" : "ADMINISTRATIVE")
                + "," + time(accepted) + "," + time(receipt) + "," + time(filed) + "," + time(notice) + ","
                + time(notFiled) + "," + time(closed) + "\n";
    }

    /** A measure on every hundredth case: bail of 30 to 365 days, released in time unless it breaks the rule. */
    private String measure(long k) {
        long i = k * 100;
        SplittableRandom r = random(i, 5);
        Instant start = received(i).plus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(30 + r.nextInt(336)));
        boolean notReleased = breaks(r);
        int releasedBefore = r.nextInt(72);
        Instant released = end.isBefore(anchor) && !notReleased ? end.minus(Duration.ofHours(releasedBefore)) : null;
        return "M" + i + ",A" + i + ",BAIL," + time(start) + "," + time(end) + "," + time(released) + "\n";
    }

    private static String unit(int u) {
        return String.format(Locale.ROOT, "BENCH%02d", u);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(LocalDateTime.ofInstant(instant, CHINA));
    }

    // ---- through the API -------------------------------------------------------------------

    /** Streams the generated rows as one CSV upload; prints the import's progress meanwhile. */
    private Timed importLedger(String kind, String header, long count, LongFunction<String> row) throws Exception {
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> {
            try {
                String running = send(request("/api/ledgers/imports?status=RUNNING&kind=" + kind).GET()).body();
                Matcher read = Pattern.compile("\"rowsRead\":(\\d+)").matcher(running);
                Matcher stored = Pattern.compile("\"rowsStored\":(\\d+)").matcher(running);
                if (read.find() && stored.find()) {
                    System.out.printf("  %s: %s rows read, %s stored so far%n", kind, read.group(1), stored.group(1));
                }
            } catch (Exception e) {
                // progress is only shown
            }
        }, 5, 5, TimeUnit.SECONDS);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = send(request("/api/ledgers/" + kind)
                    .header("Content-Type", "text/csv;charset=UTF-8")
                    .timeout(Duration.ofHours(2))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(header, count, row))));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(kind + ": " + response.statusCode() + " " + abbreviate(response.body()));
            }
            System.out.printf("%s: %.1f s %s%n", kind, seconds, response.body());
            return new Timed(seconds, "created " + field(response.body(), "created") + ", updated "
                    + field(response.body(), "updated"));
        } finally {
            progress.shutdownNow();
        }
    }

    private Timed detect(String query) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(request("/api/detection/runs" + query).timeout(Duration.ofHours(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("run: " + response.statusCode() + " " + abbreviate(response.body()));
        }
        System.out.printf("run%s: %.1f s %s%n", query, seconds, response.body());
        String body = response.body();
        Matcher findings = Pattern.compile("\"findings\":(\\{[^}]*\\})").matcher(body);
        return new Timed(seconds, field(body, "mode") + "; findings " + (findings.find() ? findings.group(1) : "?")
                + "; opened " + field(body, "opened") + ", raised " + field(body, "raised") + ", rectified "
                + field(body, "rectified") + ", failed " + field(body, "failed"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    /** The rows of an upload, made as the HTTP client reads them. */
    private static final class Rows extends InputStream {
        private final long count;
        private final LongFunction<String> row;
        private byte[] buffer;
        private int position;
        private long next = 1;

        Rows(String header, long count, LongFunction<String> row) {
            this.count = count;
            this.row = row;
            this.buffer = header.getBytes(StandardCharsets.UTF_8);
        }

        private boolean fill() {
            if (position < buffer.length) {
                return true;
            }
            if (next > count) {
                return false;
            }
            StringBuilder chunk = new StringBuilder(64 * 1024);
            while (next <= count && chunk.length() < 60 * 1024) {
                chunk.append(row.apply(next++));
            }
            buffer = chunk.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            return fill() ? buffer[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
    }

    // ---- the baselines ---------------------------------------------------------------------

    private static final String PLAIN_INCIDENT = """
            CREATE TABLE bench_plain_incident (
                incident_no VARCHAR(64) NOT NULL, unit_code VARCHAR(32) NOT NULL, category VARCHAR(20) NOT NULL,
                received_at TIMESTAMP NOT NULL, diverted_at TIMESTAMP NULL, summary VARCHAR(1000),
                import_id BIGINT NOT NULL, changed_at TIMESTAMP NOT NULL,
                CONSTRAINT pk_bench_plain_incident PRIMARY KEY (incident_no))
            """;
    private static final String PLAIN_CASE = """
            CREATE TABLE bench_plain_case (
                case_no VARCHAR(64) NOT NULL, incident_no VARCHAR(64), unit_code VARCHAR(32) NOT NULL,
                officer_no VARCHAR(32), category VARCHAR(20) NOT NULL, accepted_at TIMESTAMP NULL,
                receipt_at TIMESTAMP NULL, filed_at TIMESTAMP NULL, filing_notice_at TIMESTAMP NULL,
                not_filed_at TIMESTAMP NULL, closed_at TIMESTAMP NULL, import_id BIGINT NOT NULL,
                changed_at TIMESTAMP NOT NULL, CONSTRAINT pk_bench_plain_case PRIMARY KEY (case_no))
            """;
    /** The ledgers' own secondary indexes (V7), so that the copy costs what the ledger costs to write. */
    private static final List<String> PLAIN_INDEXES = List.of(
            "CREATE INDEX ix_bpi_received ON bench_plain_incident (received_at)",
            "CREATE INDEX ix_bpi_import ON bench_plain_incident (import_id)",
            "CREATE INDEX ix_bpc_incident ON bench_plain_case (incident_no, accepted_at)",
            "CREATE INDEX ix_bpc_accepted ON bench_plain_case (accepted_at)",
            "CREATE INDEX ix_bpc_filed ON bench_plain_case (filed_at)",
            "CREATE INDEX ix_bpc_import ON bench_plain_case (import_id, incident_no)");
    private static final String INCIDENT_INSERT = "INSERT INTO bench_plain_incident (incident_no, unit_code, category, "
            + "received_at, diverted_at, summary, import_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)";
    private static final String CASE_INSERT = "INSERT INTO bench_plain_case (case_no, incident_no, unit_code, officer_no, "
            + "category, accepted_at, receipt_at, filed_at, filing_notice_at, not_filed_at, closed_at, import_id, "
            + "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
    }

    /**
     * The same rows as the import, from the same generator, in one transaction of batches of
     * 1,000 (the import's all-or-nothing), parsed from the same CSV lines.
     */
    private Timed plainInsert(String createTable, String insert, long count, LongFunction<String> row)
            throws SQLException {
        try (Connection c = connect()) {
            String table = createTable.contains("bench_plain_incident") ? "bench_plain_incident" : "bench_plain_case";
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute(createTable);
                for (String index : PLAIN_INDEXES) {
                    if (index.contains(table)) {
                        s.execute(index);
                    }
                }
            }
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long started = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement(insert)) {
                for (long i = 1; i <= count; i++) {
                    String[] cells = row.apply(i).stripTrailing().split(",", -1);
                    int n = 1;
                    for (String cell : cells) {
                        if (cell.isEmpty()) {
                            p.setObject(n++, null);
                        } else if (cell.length() == 19 && cell.charAt(10) == 'T') {
                            p.setTimestamp(n++, Timestamp.from(LocalDateTime.parse(cell, TIME).atZone(CHINA).toInstant()));
                        } else {
                            p.setString(n++, cell);
                        }
                    }
                    p.setTimestamp(n, now);
                    p.addBatch();
                    if (i % 1000 == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("plain insert into %s: %.1f s%n", table, seconds);
            return new Timed(seconds, "");
        }
    }

    private void dropPlainTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_plain_incident");
            s.execute("DROP TABLE IF EXISTS bench_plain_case");
        }
    }

    /** Incidents received more than a day ago without a case: one pass over an index of each ledger. */
    private Timed countBaseline() throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM ledger_incident i "
                + "WHERE i.received_at < ? AND NOT EXISTS (SELECT 1 FROM ledger_case c WHERE c.incident_no = i.incident_no)")) {
            p.setTimestamp(1, Timestamp.from(anchor));
            long started = System.nanoTime();
            long found;
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                found = rs.getLong(1);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Timed(seconds, "counted " + found + " incidents without a case");
        }
    }

    private void baseline(String step, long count, Timed jiandu, Timed baseline) {
        row(step, count, new Timed(baseline.seconds(), (baseline.notes().isEmpty() ? "" : baseline.notes() + "; ")
                + String.format(Locale.ROOT, "Jiandu/baseline time ratio %.1f", jiandu.seconds() / baseline.seconds())));
    }

    // ---- the results -----------------------------------------------------------------------

    private record Timed(double seconds, String notes) {
    }

    private void row(String step, long count, Timed timed) {
        String perSecond = count > 0 ? String.format(Locale.ROOT, "%,.0f", count / timed.seconds()) : "";
        lines.add(String.format(Locale.ROOT, "| %s | %s | %.1f s | %s | %s |", step,
                count > 0 ? String.format(Locale.ROOT, "%,d", count) : "", timed.seconds(), perSecond, timed.notes()));
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(LocalDateTime.now(CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" — ").append(String.format(Locale.ROOT, "%,d", rows)).append(" incidents, ")
                .append(String.format(Locale.ROOT, "%,d", rows)).append(" cases, ")
                .append(String.format(Locale.ROOT, "%,d", rows / 100)).append(" measures\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ").append(memory())
                .append(" RAM; bench client JDK ").append(System.getProperty("java.version")).append("; ")
                .append(database).append(". Violations: ").append(perMille).append(" per mille per rule, seed ")
                .append(seed).append(".\n\n");
        md.append("| step | rows | time | rows/s | result |\n|---|---|---|---|---|\n");
        lines.forEach(l -> md.append(l).append('\n'));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.print(md);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "? GiB";
    }
}
