package cn.jiandu.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.jiandu.JianduApplication;

/**
 * The monthly report of a large bureau: 100 units and 100 000 problems found in one month
 * (with their timelines, documents and deductions), counted and rendered as the app does
 * it, timed, and the times appended to bench/results.md. A standalone main; see
 * bench/README.md (bench/report-benchmark.sh builds and runs it).
 * <p>
 * -Dbench.db=h2 (default: H2 in memory, the embedded default) or mariadb (database
 * jiandu_report_bench on 127.0.0.1:3306, user root, made by the script); -Dbench.units,
 * -Dbench.problems, -Dbench.runs change the size.
 */
public final class MonthlyReportBenchmark {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] SOURCES = {"HOTLINE_12345", "HOTLINE_12389", "PEOPLES_POLICING", "CHIEF_MAILBOX",
            "PUBLIC_VISIT", "REVIEW_LITIGATION", "ONLINE_ENFORCEMENT_PATROL", "ONLINE_VIDEO_PATROL",
            "CASE_REVIEW_EVALUATION", "POLICE_REVISIT", "PROCURATORIAL_SUPERVISION", "RULE_WARNING",
            "DAILY_INSPECTION", "ENFORCEMENT_EVALUATION", "ALARM_REVIEW", "PETITION", "MEDIA"};
    private static final String[] CATEGORIES = {"ALARM_HANDLING", "CASE_FILING", "DAILY_INSPECTION",
            "ENFORCEMENT_EVALUATION", "ONLINE_PATROL", "POLICE_REVISIT", "CASE_REVIEW", "COERCIVE_MEASURE",
            "CASE_PROPERTY", "LEGAL_DOCUMENT", "CASE_HANDLING_AREA", "CONDUCT", "INCIDENT_DIVERSION"};
    private static final int BATCH = 2000;

    private MonthlyReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "h2");
        int units = Integer.getInteger("bench.units", 100);
        int problems = Integer.getInteger("bench.problems", 100_000);
        int runs = Integer.getInteger("bench.runs", 5);

        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("jiandu.report.schedule-enabled", "false");
        settings.put("jiandu.notification.dispatcher-enabled", "false");
        settings.put("camunda.bpm.job-execution.enabled", "false");
        settings.put("logging.level.root", "warn");
        settings.put("spring.main.banner-mode", "off");
        // BENCHMARK ONLY: decodes to "jiandu-bench-key-only-for-bench!"
        settings.put("jiandu.privacy.key", "amlhbmR1LWJlbmNoLWtleS1vbmx5LWZvci1iZW5jaCE=");
        SpringApplication app = new SpringApplication(JianduApplication.class);
        if ("mariadb".equals(db)) {
            settings.put("JIANDU_DB_URL", "jdbc:mysql://127.0.0.1:3306/jiandu_report_bench?sendFractionalSeconds=false"
                    + "&characterEncoding=UTF-8&rewriteBatchedStatements=true");
            settings.put("JIANDU_DB_USERNAME", "root");
            app.setAdditionalProfiles("mysql");
        } else {
            settings.put("spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
        // as command-line arguments: they win over application.yaml
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));

        try (ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            YearMonth month = YearMonth.now(CHINA).minusMonths(1);
            long seedStart = System.nanoTime();
            Map<String, Integer> seeded = seed(jdbc, units, problems, month);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            System.out.printf("Seeded %s in %d s%n", seeded, seeding.toSeconds());

            ReportService reports = context.getBean(ReportService.class);
            ReportRenderer renderer = context.getBean(ReportRenderer.class);
            DashboardService dashboard = context.getBean(DashboardService.class);
            Period period = ReportType.MONTHLY.periodOf(month.atDay(1));

            ReportFigures warm = reports.count(period);
            renderer.html(warm);
            long[] counting = new long[runs];
            long[] rendering = new long[runs];
            long[] total = new long[runs];
            String html = "";
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ReportFigures figures = reports.count(period);
                long t1 = System.nanoTime();
                html = renderer.html(figures);
                renderer.markdown(figures, "http://localhost:8080/api/reports/0");
                long t2 = System.nanoTime();
                counting[i] = t1 - t0;
                rendering[i] = t2 - t1;
                total[i] = t2 - t0;
            }
            long t = System.nanoTime();
            ReportService.Made made = reports.make(ReportType.MONTHLY, month.atDay(1), "bench");
            long making = System.nanoTime() - t;
            long[] board = new long[runs];
            dashboard.now();
            for (int i = 0; i < runs; i++) {
                long d0 = System.nanoTime();
                dashboard.now();
                board[i] = System.nanoTime() - d0;
            }
            String statements = statements(context.getBean(ReportMapper.class), period);
            ReportFigures check = reports.count(period);
            if (check.found().total() != problems) {
                throw new IllegalStateException("Counted " + check.found().total() + " problems, seeded " + problems);
            }

            String section = section(db, month, units, problems, seeded, seeding, runs, counting, rendering, total,
                    making, made, board, html.getBytes(StandardCharsets.UTF_8).length, check) + statements;
            System.out.println(section);
            append(section);
        }
    }

    /** Units, officers and a month of problems with what the escalation leaves behind; set-based batches. */
    private static Map<String, Integer> seed(JdbcTemplate jdbc, int units, int problems, YearMonth month) {
        Random random = new Random(20260310L);
        jdbc.update("INSERT INTO org_unit (code, name, parent_code, kind) VALUES ('BJ', '示范分局', NULL, 'BUREAU')");
        List<Object[]> unitRows = new ArrayList<>();
        List<Object[]> officerRows = new ArrayList<>();
        String[] unitCodes = new String[units];
        for (int u = 0; u < units; u++) {
            unitCodes[u] = String.format("U%03d", u + 1);
            String kind = u < units * 7 / 10 ? "STATION" : u < units * 8 / 10 ? "CRIMINAL_POLICE" : "OTHER";
            String name = switch (kind) {
                case "STATION" -> String.format("示范第%03d派出所", u + 1);
                case "CRIMINAL_POLICE" -> String.format("刑侦第%d中队", u + 1);
                default -> String.format("警种第%d大队", u + 1);
            };
            unitRows.add(new Object[] {unitCodes[u], name, "BJ", kind});
            for (int o = 0; o < 10; o++) {
                String no = String.format("%03d%03d", u + 1, o + 1);
                officerRows.add(new Object[] {no, "民警" + no, unitCodes[u]});
            }
        }
        batch(jdbc, "INSERT INTO org_unit (code, name, parent_code, kind) VALUES (?, ?, ?, ?)", unitRows);
        batch(jdbc, "INSERT INTO org_officer (officer_no, name, unit_code, active) VALUES (?, ?, ?, TRUE)", officerRows);

        Instant start = month.atDay(1).atStartOfDay(CHINA).toInstant();
        long monthSeconds = Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay(CHINA)).toSeconds();
        List<Object[]> problemRows = new ArrayList<>(BATCH);
        List<Object[]> events = new ArrayList<>(BATCH * 6);
        List<Object[]> documents = new ArrayList<>(BATCH * 2);
        List<Object[]> deductions = new ArrayList<>(BATCH * 2);
        Map<String, Integer> seq = new HashMap<>();
        int[] counts = new int[4];
        int year = month.getYear();
        for (int id = 1; id <= problems; id++) {
            int u = random.nextInt(units);
            String unit = unitCodes[u];
            String officer = String.format("%03d%03d", u + 1, random.nextInt(10) + 1);
            Instant created = start.plusSeconds((long) (random.nextDouble() * monthSeconds));
            int roll = random.nextInt(100);
            boolean sensitive = roll < 3;
            List<String> levels = sensitive ? List.of("RED")
                    : roll < 80 ? List.of("BLUE") : roll < 95 ? List.of("BLUE", "YELLOW") : List.of("BLUE", "YELLOW", "RED");
            String level = levels.get(levels.size() - 1);
            int repeats = roll >= 80 && roll < 88 ? 1 + random.nextInt(2) : 0;
            Instant deadline = created.plus(Duration.ofDays("BLUE".equals(level) ? 7 : "YELLOW".equals(level) ? 12 : 14));
            boolean closed = random.nextInt(100) < 70;
            Instant closedAt = closed ? created.plus(Duration.ofHours(4 + random.nextInt(24 * 12))) : null;
            Boolean onTime = closed ? !closedAt.isAfter(deadline) : null;
            problemRows.add(new Object[] {id, SOURCES[random.nextInt(SOURCES.length)],
                    CATEGORIES[random.nextInt(CATEGORIES.length)], unit, officer, "执法问题第" + id + "号：受案登记表未开具受案回执",
                    "基准测试数据", sensitive, level, closed ? "CLOSED" : "RECTIFYING", repeats, ts(deadline), ts(closedAt),
                    onTime, ts(created), ts(created)});

            events.add(event(id, created, "REGISTERED", null));
            Instant at = created;
            for (String reached : levels) {
                events.add(event(id, at, "LEVEL", reached));
                String type = switch (reached) {
                    case "BLUE" -> "ADVICE";
                    case "YELLOW" -> "CORRECTION_NOTICE";
                    default -> "SUPERVISION_ORDER";
                };
                int n = seq.merge(type, 1, Integer::sum);
                documents.add(new Object[] {id, unit, type, year, n, "示分" + type + "字〔" + year + "〕第" + n + "号",
                        "<p>文书</p>", ts(at)});
                events.add(event(id, at, "DOCUMENT", reached));
                deductions.add(new Object[] {id, reached, unit, officer, "BLUE".equals(reached) ? 1 : "YELLOW".equals(reached) ? 3 : 5,
                        "BLUE".equals(reached) ? 1 : "YELLOW".equals(reached) ? 2 : 3, month.toString(), ts(at)});
                at = at.plus(Duration.ofHours(30));
            }
            events.add(event(id, created.plus(Duration.ofHours(2)), "SIGNED", level));
            for (int r = 0; r < repeats; r++) {
                events.add(event(id, created.plus(Duration.ofHours(40 + 24L * r)), "RETURNED", level));
            }
            if (closed) {
                events.add(event(id, closedAt.minus(Duration.ofHours(1)), "REPORTED", level));
                events.add(event(id, closedAt, "APPROVED", level));
                events.add(event(id, closedAt, "CLOSED", level));
            }
            if (problemRows.size() == BATCH || id == problems) {
                batch(jdbc, "INSERT INTO problem (id, source, category, unit_code, officer_no, title, description, "
                        + "is_sensitive, level, status, repeat_count, deadline, closed_at, closed_on_time, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", problemRows);
                batch(jdbc, "INSERT INTO problem_event (problem_id, at, kind, level, actor, detail) "
                        + "VALUES (?, ?, ?, ?, 'system', '基准测试')", events);
                batch(jdbc, "INSERT INTO doc_document (problem_id, unit_code, doc_type, doc_year, seq, number, html, "
                        + "issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", documents);
                batch(jdbc, "INSERT INTO score_deduction (problem_id, level, unit_code, officer_no, unit_points, "
                        + "officer_points, score_month, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", deductions);
                counts[0] += problemRows.size();
                counts[1] += events.size();
                counts[2] += documents.size();
                counts[3] += deductions.size();
                problemRows.clear();
                events.clear();
                documents.clear();
                deductions.clear();
            }
        }
        Map<String, Integer> seeded = new java.util.LinkedHashMap<>();
        seeded.put("units", units);
        seeded.put("officers", officerRows.size());
        seeded.put("problems", counts[0]);
        seeded.put("events", counts[1]);
        seeded.put("documents", counts[2]);
        seeded.put("deductions", counts[3]);
        return seeded;
    }

    /** Each statement of the count once more, alone: where the time goes. */
    private static String statements(ReportMapper mapper, Period period) {
        Instant start = period.startInstant();
        Instant end = period.endInstant();
        Map<String, Runnable> each = new java.util.LinkedHashMap<>();
        each.put("foundBySourceAndLevel", () -> mapper.foundBySourceAndLevel(start, end));
        each.put("unitCounts", () -> mapper.unitCounts(start, end));
        each.put("documentsIssued", () -> mapper.documentsIssued(start, end));
        each.put("returnCounts", () -> mapper.returnCounts(start, end));
        each.put("returned (list)", () -> mapper.returned(start, end, 20));
        each.put("warningCounts", () -> mapper.warningCounts(end));
        each.put("warnings (list)", () -> mapper.warnings(end, 20));
        StringBuilder sb = new StringBuilder("\n| statement (once more, alone) | time |\n|---|---:|\n");
        each.forEach((name, statement) -> {
            long t0 = System.nanoTime();
            statement.run();
            sb.append("| ").append(name).append(" | ").append((System.nanoTime() - t0) / 1_000_000).append(" ms |\n");
        });
        return sb.toString();
    }

    private static Object[] event(long problemId, Instant at, String kind, String level) {
        return new Object[] {problemId, ts(at), kind, level};
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static String section(String db, YearMonth month, int units, int problems, Map<String, Integer> seeded,
            Duration seeding, int runs, long[] counting, long[] rendering, long[] total, long making,
            ReportService.Made made, long[] board, int htmlBytes, ReportFigures figures) {
        String database = "mariadb".equals(db) ? "MariaDB on 127.0.0.1 (profile mysql)" : "H2 in memory (the embedded default)";
        return String.format("""

                ## Monthly report: %d units, %,d problems (reports) — %s

                - machine: %d CPUs (nproc), %s memory, %s %s; database: %s
                - data: %s problems found in %s, %s timeline events, %s documents, %s deductions; seeded in %d s
                - what is timed: ReportCounter (the figures: a fixed handful of grouped statements) and the
                  templates (HTML + DingTalk markdown), %d runs after one warm-up; then the whole
                  POST /api/reports path once (count, render, store, outbox); then GET /api/dashboard

                | step | median | max |
                |---|---:|---:|
                | count the figures | %d ms | %d ms |
                | render HTML and markdown | %d ms | %d ms |
                | **monthly report (count + render)** | **%d ms** | %d ms |
                | make and store it once (%s) | %d ms | |
                | dashboard (GET /api/dashboard) | %d ms | %d ms |

                Report HTML %,d bytes; counted %,d found, %,d closed, %,d open (%,d overdue), %d units listed.
                """, units, problems, LocalDate.now(CHINA), Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), database,
                String.format("%,d", seeded.get("problems")), month, String.format("%,d", seeded.get("events")),
                String.format("%,d", seeded.get("documents")), String.format("%,d", seeded.get("deductions")),
                seeding.toSeconds(), runs, median(counting), max(counting), median(rendering), max(rendering),
                median(total), max(total), made.report().title(), making / 1_000_000, median(board), max(board),
                htmlBytes, figures.found().total(), figures.closed().total(), figures.open().total(),
                figures.open().overdue(), figures.units().size());
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }

    private static long max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1_000_000;
    }

    private static void append(String section) throws IOException {
        Path results = Path.of("bench", "results.md");
        if (!Files.exists(results)) {
            Files.writeString(results, "# Benchmark results\n\nEach benchmark appends its own sections (see bench/README.md).\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(results, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
