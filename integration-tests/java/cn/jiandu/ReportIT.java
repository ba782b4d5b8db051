package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.calendar.AppClock;
import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.notification.Dispatcher;

/**
 * The supervision reports end to end. A month far in the past (before the working-day
 * calendar's years, so Monday to Friday are the working days) holds only this test's
 * problems: moving the clock back there fires nobody else's timers, and every figure of
 * its daily and monthly report can be counted here, from the problems as the API shows
 * them, and compared with what the report prints (its data-k attributes).
 */
public class ReportIT extends ItSupport {

    private static final String PASSWORD = "report-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CN_DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
    private static final Pattern FIGURE = Pattern.compile("data-k=\"([^\"]+)\"[^>]*>([^<]*)<");
    private static final Map<String, Integer> UNIT_POINTS = Map.of("BLUE", 1, "YELLOW", 3, "RED", 5);
    private static final Map<String, Integer> OFFICER_POINTS = Map.of("BLUE", 1, "YELLOW", 2, "RED", 3);

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String unitA;
    private String unitB;
    private String legalUnit;
    private String headA;
    private String officerA;
    private String headB;
    private String officerB;
    private String legal;
    private final List<Long> problems = new ArrayList<>();

    @BeforeEach
    void aBureauWithAStationAndACriminalPoliceBrigade() {
        dingtalk.recover();
        String u = unique();
        unitA = "RA" + u;
        unitB = "RB" + u;
        legalUnit = "RL" + u;
        fx.unit(unitA, "报告测试派出所" + u, "STATION");
        fx.unit(unitB, "报告测试刑警大队" + u, "CRIMINAL_POLICE");
        fx.unit(legalUnit, "报告测试法制大队" + u, "LEGAL");
        headA = fx.officer("HA" + u, unitA, "UNIT_HEAD");
        officerA = fx.officer("OA" + u, unitA, "OFFICER");
        headB = fx.officer("HB" + u, unitB, "UNIT_HEAD");
        officerB = fx.officer("OB" + u, unitB, "OFFICER");
        legal = fx.officer("LO" + u, legalUnit, "LEGAL_OFFICER");
    }

    @AfterEach
    void backToNowWithTheReportsSent() {
        sendEverythingQueued(dispatcher, clock);
    }

    /**
     * Back to now, and the reports' messages sent (the tests drive the dispatcher), so that
     * the next test finds an empty outbox; robot messages over DingTalk's 20 a minute wait
     * for the next minute.
     */
    public static void sendEverythingQueued(Dispatcher dispatcher, AppClock clock) {
        clock.reset();
        Instant now = clock.instant();
        for (int minute = 1; minute <= 3; minute++) {
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            clock.setNow(now.plusSeconds(61L * minute));
        }
        clock.reset();
    }

    // ------------------------------------------------------------------ the figures

    @Test
    void shouldCountEveryFigureOfADailyAndAMonthlyReport() {
        YearMonth month = unusedMonth();
        LocalDate d0 = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusWeeks(1);
        // 期号: the period's place in the year, whenever the report is made
        int dailyIssue = d0.plusDays(7).getDayOfYear();
        int monthlyIssue = month.getMonthValue();

        // Monday d0 09:00: six problems; one closed at once, one reported for review
        moveTo(d0.atTime(9, 0));
        long p1 = register(unitA, officerA, "HOTLINE_12345", "接警后未及时出警（当日整改）", false);
        long p2 = register(unitA, officerA, "CHIEF_MAILBOX", "受案回执未开具（逾期整改）", false);
        long p3 = register(unitB, officerB, "HOTLINE_12345", "立案告知书未送达（退回重新整改）", false);
        long p4 = register(unitB, officerB, "PUBLIC_VISIT", "当事人反映办案民警态度粗暴", true);
        long p5 = register(unitA, officerA, "HOTLINE_12345", "涉案财物未登记（按期整改）", false);
        long p6 = register(unitA, officerA, "HOTLINE_12389", "警情未及时分流（超期转黄）", false);
        for (long id : List.of(p1, p2, p5, p6)) {
            fx.complete(headA, id, "Task_Sign", Map.of());
        }
        for (long id : List.of(p3, p4)) {
            fx.complete(headB, id, "Task_Sign", Map.of());
        }
        rectifyAndReview(officerA, p1, "APPROVE");
        fx.uploadEvidence(p3);
        fx.complete(officerB, p3, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已送达"));
        assertThat(problem(p4).path("level").asText()).isEqualTo("RED");

        // Monday d0+7 10:00: the blue deadlines fall today; one more problem; one returned (repeat → yellow)
        moveTo(d0.plusDays(7).atTime(10, 0));
        long p7 = register(unitB, officerB, "POLICE_REVISIT", "回访发现未告知报警人处理结果", false);
        fx.complete(headB, p7, "Task_Sign", Map.of());
        fx.complete(legal, p3, "Task_Review", Map.of("reviewDecision", "RETURN", "reviewComment", "告知书仍未送达"));
        rectifyAndReview(officerA, p5, "APPROVE");
        settle();
        JsonNode returned = problem(p3);
        assertThat(returned.path("level").asText()).isEqualTo("YELLOW");
        assertThat(returned.path("repeatCount").asInt()).isEqualTo(1);

        // Tuesday d0+8 10:00: the daily report of Monday d0+7; then p2 is reported late and closed
        moveTo(d0.plusDays(8).atTime(10, 0));
        Http.Response daily = makeReport("DAILY", d0.plusDays(7));
        assertThat(daily.status()).as(daily.body()).isEqualTo(201);
        JsonNode dailyReport = daily.json();
        assertThat(dailyReport.path("periodStart").asText()).isEqualTo(d0.plusDays(7).toString());
        assertThat(dailyReport.path("issueNo").asInt()).isEqualTo(dailyIssue);
        assertThat(dailyReport.path("title").asText()).isEqualTo("执法监督日报（" + month.getYear() + "年第" + dailyIssue + "期）");
        // the day before, made later by hand, numbered before it
        Http.Response dayBefore = makeReport("DAILY", d0.plusDays(6));
        assertThat(dayBefore.status()).as(dayBefore.body()).isEqualTo(201);
        assertThat(dayBefore.json().path("issueNo").asInt()).isEqualTo(dailyIssue - 1);
        List<JsonNode> atDaily = problems();
        Map<String, String> dailyFigures = figures(dailyReport.path("id").asLong());
        checkFigures(dailyFigures, atDaily, d0.plusDays(7), d0.plusDays(8), month, dailyIssue);
        checkScores(dailyFigures, month);
        // the scenario is what the counting above was meant to see
        assertThat(dailyFigures).containsEntry("found.total", "1").containsEntry("closed.total", "1")
                .containsEntry("closed.onTime", "1").containsEntry("open.total", "5")
                .containsEntry("open.overdue", "3").containsEntry("rect.due", "4").containsEntry("rect.onTime", "2")
                .containsEntry("rect.rate", "50%").containsEntry("repeat.problems", "1")
                .containsEntry("doc.advice", "1").containsEntry("doc.correction", "1")
                .containsEntry("warn.red", "1").containsEntry("warn.yellow", "1")
                .containsEntry("score.unit." + unitA + ".deducted", "4")
                .containsEntry("score.unit." + unitB + ".deducted", "10");

        // made again: the same report, 200, not a second one
        Http.Response again = makeReport("DAILY", d0.plusDays(7));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(dailyReport.path("id").asLong());
        assertThat(admin().get("/api/reports/" + dailyReport.path("id").asLong()).body())
                .isEqualTo(admin().get("/api/reports/" + again.json().path("id").asLong()).body());

        // the bureau's group gets the summary with a link to the full report
        assertPushed(dailyReport);

        rectifyAndReview(officerA, p2, "APPROVE");
        assertThat(problem(p2).path("closedOnTime").asBoolean()).isFalse();

        // Thursday d0+10: p6 was left past its grace period and went yellow
        moveTo(d0.plusDays(10).atTime(9, 0));
        JsonNode yellow = awaitProblem(p6, p -> "YELLOW".equals(p.path("level").asText()));
        assertThat(yellow.path("level").asText()).isEqualTo("YELLOW");

        // the 1st of the next month: the monthly report
        moveTo(month.plusMonths(1).atDay(1).atTime(9, 0));
        Http.Response monthly = makeReport("MONTHLY", month.atDay(15));
        assertThat(monthly.status()).as(monthly.body()).isEqualTo(201);
        JsonNode monthlyReport = monthly.json();
        assertThat(monthlyReport.path("periodStart").asText()).isEqualTo(month.atDay(1).toString());
        assertThat(monthlyReport.path("periodEnd").asText()).isEqualTo(month.atEndOfMonth().toString());
        Map<String, String> monthlyFigures = figures(monthlyReport.path("id").asLong());
        checkFigures(monthlyFigures, problems(), month.atDay(1), month.plusMonths(1).atDay(1), month, monthlyIssue);
        checkScores(monthlyFigures, month);
        assertThat(monthlyFigures).containsEntry("found.total", "7").containsEntry("closed.total", "3")
                .containsEntry("closed.onTime", "2").containsEntry("closed.late", "1")
                .containsEntry("repeat.problems", "1").containsEntry("doc.correction", "2")
                .containsEntry("doc.supervision", "1").containsEntry("score.unit." + unitA + ".deducted", "7");
        assertThat(admin().get("/api/reports/" + monthlyReport.path("id").asLong()).body())
                .contains("执法监督月报", month.getYear() + "年" + month.getMonthValue() + "月",
                        "整改率 = 本期到期问题中按期整改的件数 ÷ 本期到期问题件数 × 100%");

        // the rest is closed back then, so that nothing of this test stays open (and overdue) today
        rectifyAndReview(officerB, p3, "APPROVE");
        rectifyAndReview(officerB, p4, "APPROVE");
        rectifyAndReview(officerA, p6, "APPROVE");
        rectifyAndReview(officerB, p7, "APPROVE");
        assertThat(problems()).allMatch(p -> "CLOSED".equals(p.path("status").asText()));
    }

    /**
     * The figures of [from, to) counted from the problems as the API shows them, by the
     * definitions the report prints, compared with every figure the report shows.
     */
    private void checkFigures(Map<String, String> shown, List<JsonNode> all, LocalDate from, LocalDate to,
            YearMonth month, int issueNo) {
        Instant start = from.atStartOfDay(CHINA).toInstant();
        Instant end = to.atStartOfDay(CHINA).toInstant();
        Map<String, String> expected = new TreeMap<>();
        expected.put("issue", month.getYear() + "年第" + issueNo + "期");

        List<JsonNode> found = all.stream().filter(p -> in(time(p, "createdAt"), start, end)).toList();
        expected.put("found.total", String.valueOf(found.size()));
        if (!found.isEmpty()) {
            for (String level : List.of("BLUE", "YELLOW", "RED")) {
                expected.put("found." + level.toLowerCase(), count(found, p -> level.equals(p.path("level").asText())));
            }
            for (String source : found.stream().map(p -> p.path("source").asText()).collect(Collectors.toSet())) {
                List<JsonNode> of = found.stream().filter(p -> source.equals(p.path("source").asText())).toList();
                expected.put("found.source." + source + ".total", String.valueOf(of.size()));
                for (String level : List.of("BLUE", "YELLOW", "RED")) {
                    expected.put("found.source." + source + "." + level.toLowerCase(),
                            count(of, p -> level.equals(p.path("level").asText())));
                }
            }
        }

        List<JsonNode> closed = all.stream().filter(p -> in(time(p, "closedAt"), start, end)).toList();
        expected.put("closed.total", String.valueOf(closed.size()));
        expected.put("closed.onTime", count(closed, ReportIT::onTime));
        expected.put("closed.late", count(closed, p -> !onTime(p)));

        Predicate<JsonNode> open = p -> time(p, "createdAt").isBefore(end)
                && (time(p, "closedAt") == null || !time(p, "closedAt").isBefore(end));
        Predicate<JsonNode> overdue = open.and(p -> time(p, "deadline") != null && time(p, "deadline").isBefore(end));
        Predicate<JsonNode> due = p -> in(time(p, "deadline"), start, end);
        expected.put("open.total", count(all, open));
        expected.put("open.overdue", count(all, overdue));
        expected.put("rect.due", count(all, due));
        expected.put("rect.onTime", count(all, due.and(ReportIT::onTime)));
        expected.put("rect.rate", rate(all.stream().filter(due.and(ReportIT::onTime)).count(),
                all.stream().filter(due).count()));

        for (String unit : List.of(unitA, unitB, legalUnit)) {
            List<JsonNode> of = all.stream().filter(p -> unit.equals(p.path("unitCode").asText())).toList();
            long activity = of.stream().filter(p -> in(time(p, "createdAt"), start, end)
                    || in(time(p, "closedAt"), start, end) || open.test(p) || due.test(p)).count();
            if (activity == 0) {
                continue;
            }
            String k = "unit." + unit + ".";
            expected.put(k + "found", count(of, p -> in(time(p, "createdAt"), start, end)));
            expected.put(k + "closed", count(of, p -> in(time(p, "closedAt"), start, end)));
            expected.put(k + "onTime", count(of, p -> in(time(p, "closedAt"), start, end) && onTime(p)));
            expected.put(k + "late", count(of, p -> in(time(p, "closedAt"), start, end) && !onTime(p)));
            expected.put(k + "open", count(of, open));
            expected.put(k + "overdue", count(of, overdue));
            expected.put(k + "due", count(of, due));
            expected.put(k + "rate", rate(of.stream().filter(due.and(ReportIT::onTime)).count(),
                    of.stream().filter(due).count()));
        }

        Map<Long, Integer> returnsInPeriod = new LinkedHashMap<>();
        for (JsonNode p : all) {
            long returns = events(p, "RETURNED").stream().filter(e -> in(at(e), start, end)).count();
            if (returns > 0) {
                returnsInPeriod.put(p.path("id").asLong(), (int) returns);
                expected.put("repeat." + p.path("id").asLong() + ".count", p.path("repeatCount").asInt() + "次");
            }
        }
        expected.put("repeat.problems", String.valueOf(returnsInPeriod.size()));
        expected.put("repeat.returns", String.valueOf(returnsInPeriod.values().stream().mapToInt(i -> i).sum()));

        Map<String, Long> documents = new HashMap<>();
        for (JsonNode p : all) {
            for (JsonNode d : p.path("documents")) {
                if (in(OffsetDateTime.parse(d.path("issuedAt").asText()).toInstant(), start, end)) {
                    documents.merge(d.path("type").asText(), 1L, Long::sum);
                }
            }
        }
        expected.put("doc.advice", String.valueOf(documents.getOrDefault("ADVICE", 0L)));
        expected.put("doc.correction", String.valueOf(documents.getOrDefault("CORRECTION_NOTICE", 0L)));
        expected.put("doc.supervision", String.valueOf(documents.getOrDefault("SUPERVISION_ORDER", 0L)));
        expected.put("doc.total", String.valueOf(documents.values().stream().mapToLong(l -> l).sum()));

        List<JsonNode> warnings = all.stream().filter(open)
                .filter(p -> Set.of("RED", "YELLOW").contains(p.path("level").asText())).toList();
        expected.put("warn.red", count(warnings, p -> "RED".equals(p.path("level").asText())));
        expected.put("warn.yellow", count(warnings, p -> "YELLOW".equals(p.path("level").asText())));
        for (JsonNode p : warnings) {
            String k = "warn." + p.path("id").asLong() + ".";
            expected.put(k + "level", "RED".equals(p.path("level").asText()) ? "红色" : "黄色");
            expected.put(k + "deadline", CN_DATE_TIME.format(time(p, "deadline").atZone(CHINA)));
        }

        // nothing of this test is voided (TransferIT counts the 作废 line)
        expected.put("void.count", "0");

        expected.put("period", "统计时段：" + (to.equals(from.plusDays(1))
                ? from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日"
                : month.getYear() + "年" + month.getMonthValue() + "月"));

        // every figure counted here is printed as counted, and nothing is printed for anything else
        Map<String, String> printed = new TreeMap<>(shown);
        // (问责情况, talk.*, holds no record here: TalkRecordIT counts that section; 群众诉求与回访,
        // intake.*, IntakeStatsIT)
        printed.keySet().removeIf(k -> k.startsWith("score.") || k.startsWith("talk.") || k.startsWith("intake.")
                || k.equals("rates.status"));
        assertThat(printed).isEqualTo(expected);
        assertThat(shown).as("the detection statistics are connected").containsKey("rates.status");
        assertThat(shown.get("rates.status")).doesNotContain("尚未接入");
    }

    /** The month's deductions of this test's units and officers, counted from the level changes. */
    private void checkScores(Map<String, String> shown, YearMonth month) {
        JsonNode units = admin().get("/api/scores?month=" + month + "&by=unit").json();
        JsonNode officers = admin().get("/api/scores?month=" + month + "&by=officer").json();
        Map<String, Integer> unitDeducted = new HashMap<>(Map.of(unitA, 0, unitB, 0, legalUnit, 0));
        Map<String, Integer> officerDeducted = new HashMap<>();
        Instant start = month.atDay(1).atStartOfDay(CHINA).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant();
        for (JsonNode p : problems()) {
            for (JsonNode e : events(p, "LEVEL")) {
                if (in(at(e), start, end)) {
                    String level = e.path("level").asText();
                    unitDeducted.merge(p.path("unitCode").asText(), UNIT_POINTS.get(level), Integer::sum);
                    officerDeducted.merge(p.path("officerNo").asText(), OFFICER_POINTS.get(level), Integer::sum);
                }
            }
        }
        unitDeducted.forEach((unit, deducted) -> {
            JsonNode entry = entry(units, unit);
            assertThat(entry.path("deducted").asInt()).as(unit).isEqualTo(deducted);
            assertThat(entry.path("score").asInt()).isEqualTo(100 - deducted);
            assertThat(entry.path("name").asText()).startsWith("报告测试");
            assertThat(shown).containsEntry("score.unit." + unit + ".deducted", String.valueOf(deducted))
                    .containsEntry("score.unit." + unit + ".score", String.valueOf(100 - deducted))
                    .containsEntry("score.unit." + unit + ".rank", entry.path("rank").asText());
            long better = StreamSupport.stream(units.spliterator(), false)
                    .filter(u -> u.path("score").asInt() > 100 - deducted).count();
            assertThat(entry.path("rank").asLong()).isEqualTo(better + 1);
        });
        officerDeducted.forEach((officer, deducted) -> {
            JsonNode entry = entry(officers, officer);
            assertThat(entry.path("deducted").asInt()).isEqualTo(deducted);
            assertThat(entry.path("unitCode").asText()).isIn(unitA, unitB);
            assertThat(shown).containsEntry("score.officer." + officer + ".deducted", String.valueOf(deducted))
                    .containsEntry("score.officer." + officer + ".score", String.valueOf(100 - deducted));
        });
        Set<String> shownOfficers = shown.keySet().stream().filter(k -> k.startsWith("score.officer."))
                .map(k -> k.split("\\.")[2]).collect(Collectors.toSet());
        assertThat(shownOfficers).isEqualTo(officerDeducted.keySet());
        assertThat(entry(officers, legal).path("deducted").asInt()).isZero();
    }

    // ------------------------------------------------------------------ the API

    @Test
    void shouldRefuseABadTypeOrDateNamingTheField() {
        assertThat(fields(admin().postJson("/api/reports", Map.of("type", "YEARLY", "date", "2020-01-01"))))
                .containsExactly("type");
        assertThat(fields(admin().postJson("/api/reports", Map.of("type", "DAILY", "date", "2020-02-30"))))
                .containsExactly("date");
        assertThat(fields(admin().postJson("/api/reports", Map.of("type", "WEEKLY", "date", "20.3.2020"))))
                .containsExactly("date");
        assertThat(fields(admin().postJson("/api/reports", Map.of()))).containsExactly("type", "date");
        assertThat(fields(admin().postJson("/api/reports", "{\"type\": 5, \"date\": []}"))).isNotEmpty();
        String tomorrow = LocalDate.now(CHINA).plusDays(1).toString();
        Http.Response unfinished = admin().postJson("/api/reports", Map.of("type", "MONTHLY", "date", tomorrow));
        assertThat(fields(unfinished)).containsExactly("date");
        assertThat(unfinished.json().path("errors").get(0).path("message").asText()).contains("尚未结束");
        assertThat(fields(admin().get("/api/reports?type=HOURLY"))).containsExactly("type");
        assertThat(admin().get("/api/reports/987654321").status()).isEqualTo(404);
        assertThat(fx.as(officerA).postJson("/api/reports", Map.of("type", "DAILY", "date", "2020-01-01"))
                .status()).isEqualTo(403);
        assertThat(anonymous().get("/api/reports").status()).isEqualTo(401);
    }

    @Test
    void shouldMakeAPeriodOnceAndNumberIssuesWithoutDuplicatesWhenAskedAtOnce() throws Exception {
        int year = ThreadLocalRandom.current().nextInt(1986, 2000);
        LocalDate monday = LocalDate.of(year, ThreadLocalRandom.current().nextInt(1, 12), 1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusWeeks(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> sameWeek = new ArrayList<>();
        List<Future<Http.Response>> days = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate day = monday.plusDays(i % 7);
            Callable<Http.Response> call = () -> {
                go.await();
                return makeReport("WEEKLY", day);
            };
            sameWeek.add(pool.submit(call));
        }
        for (int i = 0; i < 4; i++) {
            LocalDate day = monday.plusDays(i);
            Callable<Http.Response> call = () -> {
                go.await();
                return makeReport("DAILY", day);
            };
            days.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        Set<Long> ids = new java.util.HashSet<>();
        for (Future<Http.Response> f : sameWeek) {
            Http.Response r = f.get();
            statuses.add(r.status());
            ids.add(r.json().path("id").asLong());
        }
        List<Integer> dailyIssues = new ArrayList<>();
        for (Future<Http.Response> f : days) {
            Http.Response r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            dailyIssues.add(r.json().path("issueNo").asInt());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isLessThanOrEqualTo(1);
        assertThat(dailyIssues).doesNotHaveDuplicates();

        JsonNode listed = admin().get("/api/reports?type=WEEKLY&size=200").json();
        assertThat(StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(r -> r.path("periodStart").asText().equals(monday.toString())).count()).isEqualTo(1);
        assertThat(StreamSupport.stream(listed.path("items").spliterator(), false)
                .allMatch(r -> "WEEKLY".equals(r.path("type").asText()))).isTrue();
        JsonNode all = admin().get("/api/reports?size=5").json();
        List<String> created = StreamSupport.stream(all.path("items").spliterator(), false)
                .map(r -> r.path("createdAt").asText()).toList();
        assertThat(created).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));

        long id = ids.iterator().next();
        Http.Response html = fx.as(officerA).get("/api/reports/" + id);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().get("content-type").get(0)).startsWith("text/html");
        assertThat(html.body()).contains("执法监督周报", year + "年", "统计时段：" + year + "年");
    }

    @Test
    void shouldRankEveryUnitAndOfficerOfTheMonthAndRefuseBadParameters() {
        JsonNode units = admin().get("/api/scores?month=2026-03&by=unit").json();
        assertThat(entry(units, unitA).path("score").asInt()).isEqualTo(100);
        assertThat(entry(units, legalUnit).path("deducted").asInt()).isZero();
        assertThat(entry(units, unitA).has("unitCode")).isFalse();
        List<JsonNode> list = StreamSupport.stream(units.spliterator(), false).toList();
        for (int i = 1; i < list.size(); i++) {
            JsonNode a = list.get(i - 1);
            JsonNode b = list.get(i);
            assertThat(a.path("score").asInt() > b.path("score").asInt()
                    || a.path("score").asInt() == b.path("score").asInt()
                            && a.path("code").asText().compareTo(b.path("code").asText()) < 0).isTrue();
            assertThat(b.path("rank").asInt()).isEqualTo(a.path("score").asInt() == b.path("score").asInt()
                    ? a.path("rank").asInt() : i + 1);
        }
        JsonNode officers = admin().get("/api/scores?month=2026-03&by=officer").json();
        assertThat(entry(officers, officerB).path("unitCode").asText()).isEqualTo(unitB);
        assertThat(entry(officers, officerB).path("name").asText()).isEqualTo("民警" + officerB);
        assertThat(fx.as(officerA).get("/api/scores").status()).isEqualTo(200);

        assertThat(fields(admin().get("/api/scores?month=2026-13&by=unit"))).containsExactly("month");
        assertThat(fields(admin().get("/api/scores?month=March"))).containsExactly("month");
        assertThat(fields(admin().get("/api/scores?month=2026-03&by=station"))).containsExactly("by");
    }

    // ------------------------------------------------------------------ helpers

    private void assertPushed(JsonNode report) {
        String link = "/api/reports/" + report.path("id").asLong();
        FakeDingTalk.Received message = null;
        for (int round = 0; round < 5 && message == null; round++) {
            for (int i = 0; i < 10 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            message = dingtalk.robotMessages("bureau").stream().filter(m -> m.text().contains(link)).findFirst()
                    .orElse(null);
            if (message == null) {
                // the robot's 20 a minute: the rest waits for the next minute
                clock.setNow(clock.instant().plusSeconds(61));
            }
        }
        assertThat(message).as("the report's message in the bureau's group").isNotNull();
        assertThat(message.msgtype()).isEqualTo("markdown");
        assertThat(message.title()).contains(report.path("title").asText());
        assertThat(message.text()).contains("统计时段：" + report.path("periodText").asText(), "新发现问题",
                "整改率", "[查看完整报告](http://localhost:" + port + link + ")");
    }

    private YearMonth unusedMonth() {
        List<JsonNode> monthly = reports("MONTHLY");
        Set<String> used = monthly.stream().map(r -> r.path("periodStart").asText()).collect(Collectors.toSet());
        while (true) {
            int m = ThreadLocalRandom.current().nextInt(1, 12);
            YearMonth candidate = YearMonth.of(ThreadLocalRandom.current().nextInt(2001, 2020), m == 2 ? 12 : m);
            if (!used.contains(candidate.atDay(1).toString())) {
                return candidate;
            }
        }
    }

    private List<JsonNode> reports(String type) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode json = admin().get("/api/reports?type=" + type + "&size=200&page=" + page).json();
            json.path("items").forEach(all::add);
            if (all.size() >= json.path("total").asLong() || json.path("items").isEmpty()) {
                return all;
            }
        }
    }

    private Http.Response makeReport(String type, LocalDate date) {
        return admin().postJson("/api/reports", Map.of("type", type, "date", date.toString()));
    }

    private Map<String, String> figures(long reportId) {
        Http.Response html = admin().get("/api/reports/" + reportId);
        assertThat(html.status()).isEqualTo(200);
        Map<String, String> figures = new TreeMap<>();
        Matcher m = FIGURE.matcher(html.body());
        while (m.find()) {
            assertThat(figures.put(m.group(1), m.group(2).strip())).as("printed once: " + m.group(1)).isNull();
        }
        return figures;
    }

    private void moveTo(java.time.LocalDateTime when) {
        clock.setNow(when.atZone(CHINA).toInstant());
        settle();
    }

    /** Until this test's processes have no job left that is due by the (moved) clock. */
    private void settle() {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < until) {
            long due = 0;
            for (long id : problems) {
                String instance = problem(id).path("processInstanceId").asText();
                due += admin().get("/engine-rest/job/count?executable=true&processInstanceId=" + instance).json()
                        .path("count").asLong();
            }
            quiet = due == 0 ? quiet + 1 : 0;
        }
        assertThat(quiet).as("the job executor settled").isEqualTo(2);
    }

    private long register(String unit, String officer, String source, String title, boolean sensitive) {
        Map<String, Object> body = Fixtures.problem(source, unit, officer, title, "报告测试：" + title);
        body.put("sensitive", sensitive);
        long id = fx.register(legal, body).path("id").asLong();
        problems.add(id);
        return id;
    }

    private void rectifyAndReview(String officer, long id, String decision) {
        fx.uploadEvidence(id);
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
        fx.complete(legal, id, "Task_Review", Map.of("reviewDecision", decision));
    }

    private JsonNode problem(long id) {
        return fx.problem(legal, id);
    }

    private List<JsonNode> problems() {
        return problems.stream().map(this::problem).toList();
    }

    private JsonNode awaitProblem(long id, Predicate<JsonNode> condition) {
        return fx.awaitProblem(legal, id, condition);
    }

    private static JsonNode entry(JsonNode ranking, String code) {
        return StreamSupport.stream(ranking.spliterator(), false).filter(e -> code.equals(e.path("code").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not ranked"));
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).toList();
    }

    private static List<JsonNode> events(JsonNode problem, String kind) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).toList();
    }

    private static Instant at(JsonNode event) {
        return OffsetDateTime.parse(event.path("at").asText()).toInstant();
    }

    private static Instant time(JsonNode problem, String field) {
        JsonNode value = problem.path(field);
        return value.isNull() || value.isMissingNode() ? null : OffsetDateTime.parse(value.asText()).toInstant();
    }

    private static boolean in(Instant t, Instant start, Instant end) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    private static boolean onTime(JsonNode problem) {
        return problem.path("closedOnTime").asBoolean(false);
    }

    private static String count(List<JsonNode> problems, Predicate<JsonNode> condition) {
        return String.valueOf(problems.stream().filter(condition).count());
    }

    private static String rate(long onTime, long due) {
        if (due == 0) {
            return "—";
        }
        return BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
