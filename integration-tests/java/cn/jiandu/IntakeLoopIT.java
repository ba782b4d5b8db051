package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The public's ticket through the whole loop over HTTP (诉求受理 → 分派 → 整改 → 回访): posted
 * twice it is one intake; triage ACCEPT registers a problem that carries the ticket; the
 * problem closed with evidence and approval brings the call back (回访); DISSATISFIED and the
 * captain's REOPEN put the problem back to 整改 one level higher as a repeat; approved again,
 * the second call is SATISFIED. A rejected ticket that nobody answers three working days running
 * closes as 无法联系. The figures count exactly these calls. The complainant's phone is in no
 * table column, engine variable, log line, message or document of the run in clear, and is
 * masked for every role that reads the ticket; only the holder of the call back task sees it.
 */
class IntakeLoopIT extends ItSupport {

    private static final String PASSWORD = "intake-loop-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private String u;
    private String channel;
    private String station;
    private String legal;
    private String captain;
    private String head;
    private String officer;
    private String machine;
    private String phone;
    private String idNumber;

    @BeforeEach
    void aChannelAUnitAndTheLegalDepartment() {
        clock.reset();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        logs.start();
        u = unique();
        channel = "LOOP_" + u;
        Http.Response created = admin().putJson("/api/admin/sources/" + channel,
                Map.of("name", "回访测试热线" + u, "kind", "HOTLINE", "active", true, "callback", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String legalUnit = fx.unit("LL" + u, "回访法制大队" + u, "LEGAL");
        legal = fx.officerOnDingTalk("LO" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officerOnDingTalk("LC" + u, legalUnit, "LEGAL_CAPTAIN");
        machine = fx.officer("LM" + u, "12345平台接口" + u, legalUnit, "INTAKE", false);
        station = fx.unit("LS" + u, "回访派出所" + u, "STATION");
        head = fx.officerOnDingTalk("LH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("LP" + u, station, "OFFICER");
        phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        idNumber = "11010519491231002X";
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        clock.reset();
    }

    /**
     * A month of its own: no monthly report made yet (the database may outlive a run on
     * MariaDB), in 2029–2037: years without listed holidays, so its first Monday and the two
     * days after it are working days, and within MariaDB's TIMESTAMP (up to 2038-01-19).
     */
    private java.time.YearMonth month;
    private java.time.LocalDate monday;

    private void aMonthOfItsOwn() {
        for (int attempt = 0; attempt < 50; attempt++) {
            java.time.YearMonth candidate = java.time.YearMonth.of(2029 + ThreadLocalRandom.current().nextInt(9),
                    1 + ThreadLocalRandom.current().nextInt(12));
            Integer made = jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE type = 'MONTHLY' AND period_start = ?",
                    Integer.class, java.sql.Date.valueOf(candidate.atDay(1)));
            if (made != null && made == 0) {
                month = candidate;
                monday = candidate.atDay(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                        java.time.DayOfWeek.MONDAY));
                return;
            }
        }
        throw new IllegalStateException("no unused month");
    }

    private Map<String, Object> ticket(String ticketNo, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", channel);
        body.put("ticketNo", ticketNo);
        body.put("receivedAt", monday + "T08:30:00+08:00");
        body.put("content", content);
        body.put("complainant", Map.of("name", "李四光", "phone", phone, "idNumber", idNumber));
        body.put("unitHint", "回访派出所");
        return body;
    }

    private JsonNode intake(String user, long id) {
        Http.Response response = fx.as(user).get("/api/intake/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The id of the intake's open task {@code key} as {@code user} sees it in the Tasklist's API. */
    private String intakeTask(String user, long intakeId, String key) {
        JsonNode open = fx.as(user).get("/engine-rest/task?processInstanceBusinessKey=intake-" + intakeId).json();
        return StreamSupport.stream(open.spliterator(), false)
                .filter(t -> key.equals(t.path("taskDefinitionKey").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(key + " of intake " + intakeId + " for " + user + ": " + open))
                .path("id").asText();
    }

    private Http.Response completeIntakeTask(String user, long intakeId, String key, Object... nameValue) {
        return fx.as(user).postJson("/engine-rest/task/" + intakeTask(user, intakeId, key) + "/complete",
                Fixtures.variables(nameValue));
    }

    private void done(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private void closeProblem(long problemId, boolean sign) {
        if (sign) {
            fx.complete(head, problemId, "Task_Sign", Map.of());
        }
        fx.uploadEvidence(problemId);
        fx.complete(officer, problemId, "Task_Rectify",
                Map.of("rectifyOutcome", "DONE", "rectificationReport", "已向群众说明并整改"));
        fx.complete(legal, problemId, "Task_Review", Map.of("reviewDecision", "APPROVE", "reviewComment", "整改到位"));
    }

    private void clockAt(String chinaTime) {
        Http.Response moved = admin().postJson("/api/admin/clock", Map.of("now", chinaTime + "+08:00"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    /** The intake, read again until its open tasks include {@code key} (the job executor runs timers). */
    private String awaitIntakeTask(String user, long intakeId, String key) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonNode open = fx.as(user).get("/engine-rest/task?processInstanceBusinessKey=intake-" + intakeId).json();
            for (JsonNode t : open) {
                if (key.equals(t.path("taskDefinitionKey").asText())) {
                    return t.path("id").asText();
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(key + " of intake " + intakeId + " never came");
    }

    @Test
    void shouldTakeATicketThroughTriageRectificationAndTheCallBackAndCountIt() {
        aMonthOfItsOwn();
        clockAt(monday + "T09:00:00");
        // posted twice by the channel's platform: one intake
        Http.Response first = fx.as(machine).postJson("/api/intake", ticket("A" + u, "派出所受案后一直未给回执，民警态度差"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        Http.Response again = fx.as(machine).postJson("/api/intake", ticket("A" + u, "派出所受案后一直未给回执，民警态度差"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake WHERE source = ?", Long.class, channel)).isEqualTo(1);

        // triage: a decision without its unit is refused as the field's error, the task stays
        Http.Response noUnit = completeIntakeTask(legal, id, "Task_Triage", "triageDecision", "ACCEPT", "category",
                "CASE_FILING");
        assertThat(noUnit.status()).as(noUnit.body()).isEqualTo(400);
        assertThat(noUnit.body()).contains("责任单位");
        done(completeIntakeTask(legal, id, "Task_Triage", "triageDecision", "ACCEPT", "unitCode", station, "category",
                "CASE_FILING"));
        JsonNode accepted = intake(legal, id);
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("callbackStatus").asText()).isEqualTo("WAITING");
        long problemId = accepted.path("problemId").asLong();
        JsonNode problem = fx.problem(legal, problemId);
        assertThat(problem.path("source").asText()).isEqualTo(channel);
        assertThat(problem.path("intakes")).hasSize(1);
        assertThat(problem.path("intakes").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(problem.path("intakes").get(0).path("ticketNo").asText()).isEqualTo("A" + u);
        assertThat(problem.path("level").asText()).isEqualTo("BLUE");
        // and its page: the ticket, linked for the legal department, named only for the unit
        assertThat(fx.as(legal).get("/problems/" + problemId).body()).contains("群众诉求", "A" + u,
                "href=\"/intakes/" + id + "\"").doesNotContain(phone);
        assertThat(fx.as(head).get("/problems/" + problemId).body()).contains("A" + u)
                .doesNotContain("href=\"/intakes/" + id + "\"", phone);

        // the problem closed with evidence and approval: the call back
        closeProblem(problemId, true);
        assertThat(fx.problem(legal, problemId).path("status").asText()).isEqualTo("CLOSED");
        String call = intakeTask(legal, id, "Task_Callback");
        assertThat(intake(legal, id).path("callbackStatus").asText()).isEqualTo("PENDING");
        // the phone: in clear for the holder of the call back only
        Http.Response contact = fx.as(legal).get("/intakes/" + id + "/contact");
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.body()).contains(phone);
        for (String other : List.of(captain, head, officer)) {
            Http.Response refused = fx.as(other).get("/intakes/" + id + "/contact");
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(phone);
        }
        Http.Response page = fx.as(captain).get("/intakes/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("李**", "A" + u).doesNotContain(phone);

        // dissatisfied: the captain reviews it and reopens the problem
        Http.Response noNote = fx.as(legal).postJson("/engine-rest/task/" + call + "/complete",
                Fixtures.variables("callbackOutcome", "DISSATISFIED"));
        assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
        done(fx.as(legal).postJson("/engine-rest/task/" + call + "/complete",
                Fixtures.variables("callbackOutcome", "DISSATISFIED", "callbackNote", "回执仍未收到")));
        assertThat(intake(legal, id).path("callbackStatus").asText()).isEqualTo("DISSATISFIED");
        done(completeIntakeTask(captain, id, "Task_CallbackReview", "callbackReviewDecision", "REOPEN",
                "callbackReviewNote", "回执未送达，重新整改"));
        JsonNode reopened = fx.awaitProblem(legal, problemId, p -> "RECTIFYING".equals(p.path("status").asText()));
        assertThat(reopened.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(reopened.path("level").asText()).isEqualTo("YELLOW");
        assertThat(reopened.path("repeatCount").asInt()).isEqualTo(1);
        assertThat(reopened.path("closedAt").isNull()).isTrue();
        assertThat(StreamSupport.stream(reopened.path("timeline").spliterator(), false)
                .map(e -> e.path("kind").asText())).contains("REOPENED", "CALLBACK", "INTAKE");
        assertThat(intake(legal, id).path("callbackStatus").asText()).isEqualTo("REOPENED");

        // rectified and approved again: the second call is satisfied, the ticket closed
        closeProblem(problemId, false);
        done(completeIntakeTask(legal, id, "Task_Callback", "callbackOutcome", "SATISFIED", "callbackNote", "已收到回执"));
        JsonNode closed = intake(legal, id);
        assertThat(closed.path("callbackStatus").asText()).isEqualTo("SATISFIED");
        assertThat(closed.path("closedAt").isNull()).isFalse();

        // a rejected ticket nobody answers three working days running: 无法联系
        Http.Response second = fx.as(machine).postJson("/api/intake", ticket("B" + u, "要求民警上门道歉"));
        long other = second.json().path("id").asLong();
        done(completeIntakeTask(legal, other, "Task_Triage", "triageDecision", "REJECT", "triageReason",
                "不属执法问题，已告知诉求人向信访部门反映"));
        done(completeIntakeTask(legal, other, "Task_Callback", "callbackOutcome", "UNREACHABLE"));
        clockAt(monday.plusDays(1) + "T09:30:00");
        done(fx.as(legal).postJson("/engine-rest/task/" + awaitIntakeTask(legal, other, "Task_Callback") + "/complete",
                Fixtures.variables("callbackOutcome", "UNREACHABLE")));
        clockAt(monday.plusDays(2) + "T09:30:00");
        done(fx.as(legal).postJson("/engine-rest/task/" + awaitIntakeTask(legal, other, "Task_Callback") + "/complete",
                Fixtures.variables("callbackOutcome", "UNREACHABLE")));
        JsonNode unreachable = intake(legal, other);
        assertThat(unreachable.path("status").asText()).isEqualTo("REJECTED");
        assertThat(unreachable.path("callbackStatus").asText()).isEqualTo("UNREACHABLE");
        assertThat(unreachable.path("closedAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_callback WHERE intake_id = ?", Long.class, other))
                .isEqualTo(3);

        // the figures: 2 reached calls of 5, 1 satisfied: 满意率 50 %
        Http.Response stats = fx.as(legal).get("/api/stats/intake?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        JsonNode mine = StreamSupport.stream(stats.json().path("channels").spliterator(), false)
                .filter(c -> channel.equals(c.path("code").asText())).findFirst().orElseThrow();
        assertThat(mine.path("calls").asInt()).isEqualTo(5);
        assertThat(mine.path("reached").asInt()).isEqualTo(2);
        assertThat(mine.path("satisfied").asInt()).isEqualTo(1);
        assertThat(mine.path("dissatisfied").asInt()).isEqualTo(1);
        assertThat(mine.path("unreachable").asInt()).isEqualTo(3);
        assertThat(mine.path("satisfactionRate").asDouble()).isEqualTo(0.5);
        assertThat(mine.path("received").asInt()).isEqualTo(2);
        assertThat(mine.path("accepted").asInt()).isEqualTo(1);
        assertThat(mine.path("rejected").asInt()).isEqualTo(1);

        // the month's report says the same: 满意率 50 % for the channel
        clockAt(month.plusMonths(1).atDay(2) + "T09:00:00");
        Http.Response report = admin().postJson("/api/reports", Map.of("type", "MONTHLY", "date",
                month.atDay(15).toString()));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        String html = admin().get("/api/reports/" + report.json().path("id").asLong()).body();
        assertThat(html).contains("群众诉求与回访", "回访测试热线" + u,
                "data-k=\"intake.channel." + channel + ".satisfaction\">50%<");
        assertThat(html).doesNotContain(phone, idNumber, "李四光");

        // every role that reads the ticket sees it masked
        for (String reader : List.of(legal, captain, machine)) {
            JsonNode seen = intake(reader, id);
            assertThat(seen.path("complainant").path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****"
                    + phone.substring(7));
            assertThat(seen.toString()).doesNotContain(phone, idNumber);
        }
        assertNowhereInClear(phone);
        assertNowhereInClear(idNumber);
    }

    /** Not in any text column of any table, any engine byte array, or any log line of the run. */
    private void assertNowhereInClear(String secret) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = " + (isMariaDb() ? "DATABASE()" : "'PUBLIC'")
                + " AND (DATA_TYPE LIKE '%CHAR%' OR DATA_TYPE LIKE '%TEXT%' OR DATA_TYPE LIKE '%CLOB%')");
        assertThat(columns).as("text columns found").hasSizeGreaterThan(50);
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            String q = isMariaDb() ? "`" : "\"";
            Long hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + q + table + q + " WHERE " + q + name + q
                    + " LIKE ?", Long.class, "%" + secret + "%");
            if (hits != null && hits > 0) {
                found.add(table + "." + name);
            }
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : jdbc.queryForList("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE BYTES_ IS NOT NULL",
                byte[].class)) {
            if (new String(bytes, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                found.add("ACT_GE_BYTEARRAY.BYTES_");
            }
        }
        List<ILoggingEvent> lines;
        synchronized (logs) {
            // the appender adds under its own lock while background jobs log
            lines = new ArrayList<>(logs.list);
        }
        assertThat(lines).as("log lines of the run").isNotEmpty();
        for (ILoggingEvent event : lines) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            if (line.contains(secret)) {
                found.add("log: " + line);
            }
        }
        assertThat(found).as("where %s is in clear", secret).isEmpty();
    }
}
