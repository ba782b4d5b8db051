package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The forecast (预测) against what the timers then do: three blue problems of a unit of its
 * own, registered days apart so that on one day a reminder, an urging, a supervision and the
 * raise it brings fall; the forecast for that day, asked before, equals the timeline of that
 * day and the DingTalk messages sent on it, once the clock is moved through it timer by timer.
 */
class ForecastIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "forecast-pass-1";
    private static final LocalTime MORNING = LocalTime.of(7, 0);

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;

    private String unit;
    private String head;
    private String officer;
    private String legal;
    private String captain;

    @BeforeEach
    void aUnitOfItsOwn() {
        dingtalk.recover();
        String u = unique();
        unit = fx.unit("FC" + u, "预测测试派出所" + u, "STATION");
        String legalUnit = fx.unit("FL" + u, "预测测试法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("FH" + u, unit, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("FO" + u, unit, "OFFICER");
        legal = fx.officerOnDingTalk("FG" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("FK" + u, legalUnit, "LEGAL_CAPTAIN");
    }

    @AfterEach
    void backToNow() {
        dingtalk.recover();
        drain();
        clock.reset();
    }

    @Test
    void shouldForecastADayAsTheTimersThenDoIt() {
        // given: Monday, Wednesday and Thursday of a week without listed days, a blue problem each, signed at once
        LocalDate monday = quietMonday();
        long b = registeredAndSigned(monday, "预测督办提级");
        long a = registeredAndSigned(monday.plusDays(2), "预测催办");
        long c = registeredAndSigned(monday.plusDays(3), "预测提醒");
        Set<Long> ids = Set.of(a, b, c);
        // the Wednesday after: c's first reminder, a's urging at its deadline, b's supervision past the grace time
        LocalDate day = monday.plusDays(9);

        // when the forecast is asked for that day
        JsonNode forecast = admin().get("/api/admin/forecast?from=" + day + "&to=" + day).json();

        // then it names each
        JsonNode forecastDay = forecast.path("days").get(0);
        assertThat(forecastDay.path("date").asText()).isEqualTo(day.toString());
        JsonNode mine = unitRow(forecastDay);
        assertThat(mine).as("the unit in %s", forecast).isNotNull();
        assertThat(mine.path("unitName").asText()).startsWith("预测测试派出所");
        assertThat(mine.path("reminders").asInt()).isPositive();
        assertThat(mine.path("urgings").asInt()).isPositive();
        assertThat(mine.path("supervisions").asInt()).isPositive();
        assertThat(mine.path("raises").asInt()).isPositive();
        assertThat(mine.path("dingTalkMessages").asInt()).isPositive();

        // when the clock is moved through the day, timer by timer, the outbox sent as it goes
        Instant start = day.atStartOfDay(CHINA).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        moveThrough(ids, end);

        // then the timeline of the day has what the forecast said, kind by kind (the timers due at
        // 23:59:59 run a moment later, as the clock keeps running while the job executor takes them:
        // the day's are counted to a minute past midnight, the day before's from a minute past)
        Instant late = start.plus(Duration.ofMinutes(1));
        Map<String, Long> happened = jdbc.queryForList("SELECT kind FROM problem_event WHERE problem_id IN (?, ?, ?)"
                + " AND at >= ? AND at < ?", String.class, a, b, c, Timestamp.from(late),
                Timestamp.from(end.plus(Duration.ofMinutes(1))))
                .stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(happened.getOrDefault("REMINDER", 0L)).isEqualTo(mine.path("reminders").asLong());
        assertThat(happened.getOrDefault("URGE", 0L)).isEqualTo(mine.path("urgings").asLong());
        assertThat(happened.getOrDefault("SUPERVISE", 0L)).isEqualTo(mine.path("supervisions").asLong());
        assertThat(happened.getOrDefault("LEVEL", 0L)).isEqualTo(mine.path("raises").asLong());
        // and the DingTalk messages sent that day are as many as forecast
        Integer sent = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE problem_id IN (?, ?, ?)"
                + " AND channel IN ('WORK', 'ROBOT') AND status = 'SENT' AND sent_at >= ? AND sent_at < ?",
                Integer.class, a, b, c, Timestamp.from(start), Timestamp.from(end));
        assertThat(sent).isEqualTo(mine.path("dingTalkMessages").asInt());
        // the fake DingTalk got those addressed to the unit's people
        Integer toUnit = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE problem_id IN (?, ?, ?)"
                + " AND channel = 'WORK' AND status = 'SENT' AND sent_at >= ? AND sent_at < ? AND recipient IN (?, ?)",
                Integer.class, a, b, c, Timestamp.from(start), Timestamp.from(end), "dt" + head, "dt" + officer);
        Integer sentToUnit = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE problem_id IN"
                + " (?, ?, ?) AND channel = 'WORK' AND status = 'SENT' AND recipient IN (?, ?)", Integer.class, a, b, c,
                "dt" + head, "dt" + officer);
        long atFake = List.of(head, officer).stream().mapToLong(p -> dingtalk.inbox("dt" + p).stream()
                .filter(r -> r.title().contains("：预测")).count()).sum();
        assertThat(toUnit).isPositive();
        assertThat(atFake).as("what the fake DingTalk received for the unit's people").isEqualTo(sentToUnit.longValue());
        // b is yellow now
        assertThat(fx.problem(legal, b).path("level").asText()).isEqualTo("YELLOW");
    }

    @Test
    void shouldTryACandidateWithoutDeployingIt() throws Exception {
        // given a blue problem signed on a Monday
        LocalDate monday = quietMonday();
        long id = registeredAndSigned(monday, "预测候选规则");
        long deployed = repository.createDecisionDefinitionQuery().count();
        String dmn = Files.readString(Path.of("processes", "deadlines.dmn"));
        String shorter = dmn.replace("<outputEntry id=\"Rule_Blue_periodAmount\"><text>5</text>",
                "<outputEntry id=\"Rule_Blue_periodAmount\"><text>2</text>");
        assertThat(shorter).isNotEqualTo(dmn);

        // when a candidate with a shorter blue period is tried
        Http.Response r = upload(ADMIN, ADMIN_PASSWORD, shorter.getBytes(StandardCharsets.UTF_8),
                "?from=" + monday + "&to=" + monday.plusDays(13));

        // then the problem's deadline moves 3 working days earlier (Wednesday), and the forecast with it
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        JsonNode row = null;
        for (JsonNode p : answer.path("problems")) {
            if (p.path("problemId").asLong() == id) {
                row = p;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("changed").asBoolean()).isTrue();
        assertThat(row.path("unitCode").asText()).isEqualTo(unit);
        assertThat(java.time.OffsetDateTime.parse(row.path("current").path("rectifyDue").asText()).toInstant())
                .isEqualTo(monday.plusDays(7).atTime(23, 59, 59).atZone(CHINA).toInstant());
        assertThat(java.time.OffsetDateTime.parse(row.path("candidate").path("rectifyDue").asText()).toInstant())
                .isEqualTo(monday.plusDays(2).atTime(23, 59, 59).atZone(CHINA).toInstant());
        JsonNode current = urgingsOn(answer.path("forecast").path("current"), monday.plusDays(7));
        JsonNode candidate = urgingsOn(answer.path("forecast").path("candidate"), monday.plusDays(2));
        assertThat(current.path("urgings").asInt()).isEqualTo(1);
        assertThat(candidate.path("urgings").asInt()).isEqualTo(1);
        JsonNode difference = urgingsOn(answer.path("forecast").path("difference"), monday.plusDays(2));
        assertThat(difference.path("urgings").asInt()).isEqualTo(1);
        // nothing deployed, nothing changed
        assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(deployed);
        assertThat(fx.problem(legal, id).path("deadline").asText()).isNotBlank();
        assertThat(java.time.OffsetDateTime.parse(fx.problem(legal, id).path("deadline").asText()).toInstant())
                .isEqualTo(monday.plusDays(7).atTime(23, 59, 59).atZone(CHINA).toInstant());

        // a file that is not DMN, or a DMN missing a level: 400 naming the file, in Chinese
        Http.Response notXml = upload(ADMIN, ADMIN_PASSWORD, "这不是XML".getBytes(StandardCharsets.UTF_8), "");
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.body()).contains("\"field\":\"file\"", "期限规则文件无法解析");
        String noRed = dmn.replace("<inputEntry id=\"Rule_Red_Level\"><text>\"RED\"</text>",
                "<inputEntry id=\"Rule_Red_Level\"><text>\"NONE\"</text>");
        Http.Response missing = upload(ADMIN, ADMIN_PASSWORD, noRed.getBytes(StandardCharsets.UTF_8), "");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"file\"", "红色");
        Http.Response none = upload(ADMIN, ADMIN_PASSWORD, new byte[0], "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(deployed);

        // the deployed rules themselves as the candidate: nothing changes, an unsigned problem's
        // sign clock included (to the millisecond)
        clock.setNow(monday.atTime(11, 0).atZone(CHINA).toInstant());
        long unsigned = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, "预测未签收" + unique(),
                "预测测试")).path("id").asLong();
        Http.Response same = upload(ADMIN, ADMIN_PASSWORD, dmn.getBytes(StandardCharsets.UTF_8),
                "?from=" + monday + "&to=" + monday.plusDays(13));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        List<JsonNode> ours = new ArrayList<>();
        same.json().path("problems").forEach(p -> {
            if (p.path("problemId").asLong() == id || p.path("problemId").asLong() == unsigned) {
                ours.add(p);
            }
        });
        assertThat(ours).hasSize(2).allSatisfy(p -> {
            assertThat(p.path("changed").asBoolean()).as(p.toString()).isFalse();
            assertThat(p.path("candidate")).isEqualTo(p.path("current"));
        });
        assertThat(ours).anySatisfy(p -> assertThat(p.path("current").path("signDue").isNull()).isFalse());
        same.json().path("forecast").path("difference").path("days").forEach(d -> assertThat(unitRow(d)).isNull());
    }

    @Test
    void shouldLetOnlyItsReadersReadTheForecast() {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        String range = "?from=" + today + "&to=" + today.plusDays(6);
        assertThat(admin().get("/api/admin/forecast" + range).status()).isEqualTo(200);
        assertThat(fx.as(captain).get("/api/admin/forecast" + range).status()).isEqualTo(200);
        String owner = fx.officer("FP" + unique(), unit, "PROCESS_OWNER");
        assertThat(fx.as(owner).get("/api/admin/forecast" + range).status()).isEqualTo(200);
        assertThat(upload(owner, PASSWORD, "<x/>".getBytes(StandardCharsets.UTF_8), "").status())
                .as("the process owner may try a candidate (this one is no DMN)").isEqualTo(400);
        assertThat(fx.as(officer).get("/api/admin/forecast" + range).status()).isEqualTo(403);
        assertThat(fx.as(head).get("/api/admin/forecast" + range).status()).isEqualTo(403);
        byte[] dmn = "<x/>".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(officer, PASSWORD, dmn, "").status()).isEqualTo(403);
        assertThat(upload(head, PASSWORD, dmn, "").status()).isEqualTo(403);
        assertThat(upload(captain, PASSWORD, dmn, "").status()).isEqualTo(403);

        // the range: given, dates, in order, at most 92 days
        assertThat(admin().get("/api/admin/forecast?to=" + today).body()).contains("\"field\":\"from\"");
        assertThat(admin().get("/api/admin/forecast?from=x&to=" + today).body()).contains("\"field\":\"from\"");
        Http.Response reversed = admin().get("/api/admin/forecast?from=" + today + "&to=" + today.minusDays(1));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"to\"", "结束日期不能早于开始日期");
        Http.Response tooLong = admin().get("/api/admin/forecast?from=" + today + "&to=" + today.plusDays(92));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"to\"", "92");
        JsonNode days = admin().get("/api/admin/forecast?from=" + today + "&to=" + today.plusDays(91)).json()
                .path("days");
        assertThat(days).hasSize(92);
    }

    // ---- helpers -----------------------------------------------------------------------

    /** A Monday at least a week ahead whose next three weeks list no holiday nor make-up day. */
    private LocalDate quietMonday() {
        LocalDate monday = LocalDate.now(CHINA).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM cal_day WHERE cal_date BETWEEN ? AND ?", Integer.class,
                java.sql.Date.valueOf(monday), java.sql.Date.valueOf(monday.plusWeeks(3))) > 0) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    /** At 10:00 of the day: a blue problem of the unit registered, and signed by its head. */
    private long registeredAndSigned(LocalDate day, String title) {
        clock.setNow(day.atTime(10, 0).atZone(CHINA).toInstant());
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, title + unique(), "预测测试"))
                .path("id").asLong();
        fx.complete(head, id, "Task_Sign", Map.of());
        return id;
    }

    /**
     * Moves the clock to each due timer of the problems in turn (and to each 07:00, when the
     * night's messages go), until {@code end}: each time until the job executor has run
     * what is due, then the outbox is sent.
     */
    private void moveThrough(Set<Long> ids, Instant end) {
        Set<String> instances = ids.stream().map(id -> fx.problem(legal, id).path("processInstanceId").asText())
                .collect(Collectors.toSet());
        for (int i = 0; i < 200; i++) {
            List<Job> due = management.createJobQuery().processInstanceIds(instances).timers().withRetriesLeft()
                    .orderByJobDuedate().asc().listPage(0, 1);
            Instant next = due.isEmpty() ? end : due.get(0).getDuedate().toInstant();
            // every morning the night's messages go (quiet hours): sent then, as the forecast counts them
            Instant nextMorning = clock.instant().atZone(CHINA).toLocalDate().atTime(MORNING).atZone(CHINA)
                    .toInstant();
            if (!nextMorning.isAfter(clock.instant())) {
                nextMorning = nextMorning.plus(Duration.ofDays(1));
            }
            if (nextMorning.isBefore(next)) {
                next = nextMorning;
            }
            if (!next.isBefore(end)) {
                break;
            }
            if (next.isAfter(clock.instant())) {
                clock.setNow(next);
            }
            awaitNoJobDue(instances);
            drain();
        }
    }

    private void awaitNoJobDue(Set<String> instances) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until && management.createJobQuery().processInstanceIds(instances).timers()
                .withRetriesLeft().duedateLowerThan(java.util.Date.from(clock.instant().plusMillis(1))).count() > 0) {
            Thread.onSpinWait();
        }
    }

    private JsonNode unitRow(JsonNode day) {
        for (JsonNode u : day.path("units")) {
            if (unit.equals(u.path("unitCode").asText())) {
                return u;
            }
        }
        return null;
    }

    private JsonNode urgingsOn(JsonNode forecast, LocalDate date) {
        for (JsonNode d : forecast.path("days")) {
            if (d.path("date").asText().equals(date.toString())) {
                JsonNode row = unitRow(d);
                return row == null ? json.createObjectNode() : row;
            }
        }
        return json.createObjectNode();
    }

    private Http.Response upload(String user, String password, byte[] file, String query) {
        return as(user, password).postRaw("/api/admin/forecast/deadlines" + query,
                "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY, EvidenceIT.multipart(List.of(
                        new EvidenceIT.Part("file", "deadlines.dmn", "application/xml", file))));
    }
}
