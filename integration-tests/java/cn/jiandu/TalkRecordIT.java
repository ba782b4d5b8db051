package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Talk reminders (纪委督察谈话提醒) and leadership interviews (主要领导约谈) end to end: the
 * inspector and the chief complete their tasks with the forms' fields, the records and their
 * numbered documents appear, an accountability outcome costs the officer points, and the
 * monthly report lists them under 问责情况. It runs in a past month of its own (as ReportIT),
 * so the report and the ranking of that month hold only this test's records.
 */
public class TalkRecordIT extends ItSupport {

    private static final String PASSWORD = "talk-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String stationName;
    private String head;
    private String officer;
    private String stranger;
    private String legal;
    private String captain;
    private String inspector;
    private String chief;

    @BeforeEach
    void aBureauWithAStationAndItsSupervisors() {
        dingtalk.recover();
        String u = unique();
        station = "TS" + u;
        stationName = "谈话测试派出所" + u;
        String other = "TO" + u;
        String legalUnit = "TL" + u;
        String discipline = "TD" + u;
        String bureau = "TB" + u;
        fx.unit(station, stationName, "STATION");
        fx.unit(other, "谈话测试邻所" + u, "STATION");
        fx.unit(legalUnit, "谈话测试法制大队" + u, "LEGAL");
        fx.unit(discipline, "谈话测试纪委督察室" + u, "DISCIPLINE");
        fx.unit(bureau, "谈话测试分局" + u, "BUREAU");
        head = fx.officer("TH" + u, station, "UNIT_HEAD");
        officer = fx.officer("TO" + u, station, "OFFICER");
        stranger = fx.officer("TX" + u, other, "OFFICER");
        legal = fx.officer("TL" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("TC" + u, legalUnit, "LEGAL_CAPTAIN");
        inspector = fx.officer("TI" + u, "纪检民警" + u, discipline, "DISCIPLINE_INSPECTOR", false);
        chief = fx.officer("TK" + u, bureau, "CHIEF");
    }

    @AfterEach
    void backToNow() {
        ReportIT.sendEverythingQueued(dispatcher, clock);
    }

    @Test
    void shouldRecordTheTalkAndTheInterviewWithNumberedDocumentsPointsAndTheMonthlyReport() {
        YearMonth month = unusedMonth();
        LocalDate day = month.atDay(10);
        clock.setNow(day.atTime(9, 0).atZone(CHINA).toInstant());

        // given a problem of the station, signed, raised to yellow by the legal brigade captain
        Map<String, Object> body = Fixtures.problem("HOTLINE_12345", station, officer, "接警后未及时出警（谈话测试）",
                "群众报警后四十分钟无人到场。");
        long id = fx.register(legal, body).path("id").asLong();
        fx.complete(head, id, "Task_Sign", Map.of());
        raise(id, "YELLOW");
        String talkTask = awaitTask(inspector, id, "Task_DisciplineTalk");
        int before = officerDeducted(month);

        // a date that is none, or out of range, is a Chinese field error and the task stays open
        Http.Response bad = fx.as(inspector).postJson("/engine-rest/task/" + talkTask + "/complete",
                Fixtures.variables(talk("下周一", "ACCOUNTABILITY")));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("talkDate");
        Http.Response outOfRange = fx.as(inspector).postJson("/engine-rest/task/" + talkTask + "/complete",
                Fixtures.variables(talk("1900-01-01T09:00+08:00", "ACCOUNTABILITY")));
        assertThat(outOfRange.status()).as(outOfRange.body()).isNotEqualTo(204);
        assertThat(outOfRange.body()).contains("谈话日期超出有效范围");
        Map<String, Object> tooLong = talk(day + "T10:00+08:00", "ACCOUNTABILITY");
        tooLong.put("talkRecord", "记".repeat(4001));
        assertThat(fx.as(inspector).postJson("/engine-rest/task/" + talkTask + "/complete",
                Fixtures.variables(tooLong)).status()).isNotEqualTo(204);
        assertThat(fx.taskId(inspector, id, "Task_DisciplineTalk")).isEqualTo(talkTask);
        assertThat(fx.as(inspector).get("/api/problems/" + id + "/talks").json()).isEmpty();

        // when the inspector records the talk, with 追责问责
        fx.completeTask(inspector, talkTask, talk(day + "T10:00+08:00", "ACCOUNTABILITY"));

        // then the record, its numbered document, the timeline and the officer's points
        JsonNode talks = fx.as(inspector).get("/api/problems/" + id + "/talks").json();
        assertThat(talks).hasSize(1);
        JsonNode record = talks.get(0);
        assertThat(fieldNames(record)).containsExactlyInAnyOrder("id", "kind", "heldAt", "participants", "record",
                "measures", "accountability", "recordedBy", "documentId");
        assertThat(record.path("kind").asText()).isEqualTo("DISCIPLINE_TALK");
        assertThat(java.time.OffsetDateTime.parse(record.path("heldAt").asText()).toInstant())
                .isEqualTo(day.atTime(10, 0).atZone(CHINA).toInstant());
        assertThat(record.path("participants").asText()).isEqualTo("所长、责任民警<张三>");
        assertThat(record.path("record").asText()).isEqualTo("指出问题性质。\n被谈话人表示立即整改。");
        assertThat(record.path("measures").asText()).isEqualTo("三日内完成整改");
        assertThat(record.path("accountability").asText()).isEqualTo("ACCOUNTABILITY");
        assertThat(record.path("recordedBy").asText()).isEqualTo(inspector);
        long talkDoc = record.path("documentId").asLong();

        Http.Response doc = fx.as(inspector).get("/api/documents/" + talkDoc);
        assertThat(doc.status()).isEqualTo(200);
        String talkNumber = number(doc.body(), "纪谈", month.getYear());
        assertThat(doc.body()).contains("谈话提醒记录", "所长、责任民警&lt;张三&gt;", "<p>指出问题性质。</p>",
                "三日内完成整改", "追责问责", "纪检民警", stationName).doesNotContain("<张三>");
        assertThat(fx.as(officer).get("/api/documents/" + talkDoc).status()).isEqualTo(200);

        JsonNode problem = fx.problem(legal, id);
        assertThat(events(problem, "TALK")).anySatisfy(e -> assertThat(e.path("detail").asText())
                .contains("谈话提醒记录", talkNumber, "追责问责"));
        assertThat(officerDeducted(month) - before).isEqualTo(10);

        // the station's own officer reads the records; another unit's officer is told there is no such problem
        assertThat(fx.as(officer).get("/api/problems/" + id + "/talks").status()).isEqualTo(200);
        assertThat(fx.as(stranger).get("/api/problems/" + id + "/talks").status()).isEqualTo(404);

        // raised to red: the chief's interview, 通报批评
        raise(id, "RED");
        String interviewTask = awaitTask(chief, id, "Task_LeadershipInterview");
        Map<String, Object> interview = new LinkedHashMap<>();
        interview.put("interviewDate", day + "T15:30+08:00");
        interview.put("interviewees", "所长");
        interview.put("interviewRecord", "听取整改情况汇报。");
        interview.put("rectificationMeasures", "一周内完成整改并报执法监督委员会");
        interview.put("accountability", "CIRCULATED_CRITICISM");
        fx.completeTask(chief, interviewTask, interview);

        talks = fx.as(chief).get("/api/problems/" + id + "/talks").json();
        assertThat(talks).hasSize(2);
        JsonNode second = talks.get(1);
        assertThat(second.path("kind").asText()).isEqualTo("LEADERSHIP_INTERVIEW");
        assertThat(second.path("measures").asText()).isEqualTo("一周内完成整改并报执法监督委员会");
        assertThat(second.path("accountability").asText()).isEqualTo("CIRCULATED_CRITICISM");
        assertThat(second.path("recordedBy").asText()).isEqualTo(chief);
        Http.Response interviewDoc = fx.as(chief).get("/api/documents/" + second.path("documentId").asLong());
        String interviewNumber = number(interviewDoc.body(), "约谈", month.getYear());
        assertThat(interviewDoc.body()).contains("约谈记录", "听取整改情况汇报", "通报批评");
        assertThat(officerDeducted(month) - before).isEqualTo(10 + 5 + 3); // and red's own 3

        // the month's report lists both under 问责情况
        clock.reset();
        Http.Response made = admin().postJson("/api/reports", Map.of("type", "MONTHLY", "date", day.toString()));
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        String html = admin().get("/api/reports/" + made.json().path("id").asLong()).body();
        long talkId = record.path("id").asLong();
        long interviewId = second.path("id").asLong();
        assertThat(html).contains("八、问责情况", "data-k=\"talk.talks\">1<", "data-k=\"talk.interviews\">1<",
                "data-k=\"talk.circulated\">1<", "data-k=\"talk.accountable\">1<",
                "data-k=\"talk." + talkId + ".number\">" + talkNumber + "<",
                "data-k=\"talk." + talkId + ".outcome\">追责问责<",
                "data-k=\"talk." + talkId + ".kind\">纪委督察谈话提醒<",
                "data-k=\"talk." + talkId + ".officer\">民警" + officer + "<",
                "data-k=\"talk." + interviewId + ".number\">" + interviewNumber + "<",
                "data-k=\"talk." + interviewId + ".outcome\">通报批评<", stationName);
    }

    private static Map<String, Object> talk(String date, String accountability) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("talkDate", date);
        v.put("talkTargets", "所长、责任民警<张三>");
        v.put("talkRecord", "指出问题性质。\n被谈话人表示立即整改。");
        v.put("talkMeasures", "三日内完成整改");
        v.put("accountability", accountability);
        return v;
    }

    private void raise(long id, String level) {
        Http.Response raised = fx.as(captain).postJson("/api/problems/" + id + "/raise", Map.of("comment", "谈话测试"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(fx.awaitProblem(legal, id, p -> level.equals(p.path("level").asText())).path("level").asText())
                .isEqualTo(level);
    }

    /** The task's id once the process has created it (jobs may run it a moment later). */
    private String awaitTask(String user, long id, String key) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonNode tasks = fx.tasks(user, id);
            for (JsonNode t : tasks) {
                if (key.equals(t.path("taskDefinitionKey").asText())) {
                    return t.path("id").asText();
                }
            }
            Thread.onSpinWait();
        }
        return fx.taskId(user, id, key);
    }

    private int officerDeducted(YearMonth month) {
        JsonNode ranking = admin().get("/api/scores?month=" + month + "&by=officer").json();
        return StreamSupport.stream(ranking.spliterator(), false)
                .filter(e -> officer.equals(e.path("code").asText())).findFirst()
                .map(e -> e.path("deducted").asInt()).orElseThrow();
    }

    private static String number(String html, String word, int year) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[^>\\s（]*" + word + "字〔" + year + "〕第\\d{3,}号")
                .matcher(html);
        assertThat(m.find()).as("a %s number in %s", word, html.length() > 300 ? html.substring(0, 300) : html)
                .isTrue();
        return m.group();
    }

    private static List<JsonNode> events(JsonNode problem, String kind) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A month before the calendar's years with no monthly report yet (as ReportIT picks one). */
    private YearMonth unusedMonth() {
        Set<String> used = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode json = admin().get("/api/reports?type=MONTHLY&size=200&page=" + page).json();
            json.path("items").forEach(r -> used.add(r.path("periodStart").asText()));
            if (used.size() >= json.path("total").asLong() || json.path("items").isEmpty()) {
                break;
            }
        }
        while (true) {
            YearMonth candidate = YearMonth.of(ThreadLocalRandom.current().nextInt(2001, 2020),
                    ThreadLocalRandom.current().nextInt(1, 12));
            if (!used.contains(candidate.atDay(1).toString())) {
                return candidate;
            }
        }
    }
}
