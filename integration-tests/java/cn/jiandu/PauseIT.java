package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The loop of issue 16 on one problem (sign → pause asked, refused, asked, approved → the
 * allowance spent → resumed → done refused without evidence → evidence → done → returned
 * "A" → done → approved "B"), the unit resuming by itself, the review chased and the
 * document's reason, end to end over HTTP with the app clock moved through
 * March 2026 (no holidays between 03-09 and 04-03; blue CASE_FILING: 5 working days to
 * rectify, 3 to review, at most 10 working days paused).
 */
class PauseIT extends ItSupport {

    private static final String PASSWORD = "pause-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String head;
    private String officer;
    private String legal;
    private String captain;

    @BeforeEach
    void aStationAndTheLegalBrigade() {
        String u = unique();
        station = "PS" + u;
        String legalUnit = "PL" + u;
        fx.unit(station, "暂停派出所" + u, "STATION");
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("H" + u, station, "UNIT_HEAD");
        officer = fx.officer("O" + u, station, "OFFICER");
        legal = fx.officerOnDingTalk("L" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officerOnDingTalk("C" + u, legalUnit, "LEGAL_CAPTAIN");
    }

    @AfterEach
    void clockBackToNow() {
        admin().postJson("/api/admin/clock", Map.of("now", OffsetDateTime.now().toString()));
    }

    private void clock(String chinaTime) {
        Http.Response moved = admin().postJson("/api/admin/clock", Map.of("now", chinaTime + "+08:00"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映的执法问题。"))
                .path("id").asLong();
    }

    private JsonNode problem(long id) {
        return fx.problem(legal, id);
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<String> details(JsonNode problem, String kind) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).map(e -> e.path("detail").asText()).toList();
    }

    private static OffsetDateTime deadline(JsonNode problem) {
        return OffsetDateTime.parse(problem.path("deadline").asText());
    }

    private void askForPause(long id, String reason, String detail) {
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "WAIT", "pauseReason", reason,
                "pauseDetail", detail));
    }

    private List<String> outbox(long id, String step) {
        return jdbc.queryForList("SELECT recipient FROM notification_outbox WHERE problem_id = ? AND step = ?",
                String.class, id, step);
    }

    @Test
    void shouldWalkTheWholeLoopOnOneProblemPausedOnlyByTheCaptainsLeave() {
        clock("2026-03-09T09:00:00");
        long id = register("受案回执未送达，需等待上级批示");
        fx.complete(head, id, "Task_Sign", Map.of());
        OffsetDateTime due = deadline(problem(id));
        assertThat(due).isEqualTo(OffsetDateTime.parse("2026-03-16T23:59:59+08:00"));

        // asked: the clock still runs, the captain decides
        askForPause(id, "AWAIT_INSTRUCTION", "需请示市局法制支队");
        JsonNode asked = problem(id);
        assertThat(asked.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(details(asked, "PAUSE_REQUESTED")).singleElement().asString().contains("等待上级批示", "需请示市局法制支队");
        assertThat(values(fx.tasks(officer, id), "taskDefinitionKey")).doesNotContain("Task_Rectify");

        // rejected: back to rectify, the deadline unchanged
        fx.complete(captain, id, "Task_ApprovePause", Map.of("pauseDecision", "REJECT", "pauseComment", "可先行整改"));
        JsonNode rejected = problem(id);
        assertThat(rejected.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(deadline(rejected)).isEqualTo(due);
        assertThat(details(rejected, "PAUSE_REJECTED")).singleElement().asString().contains("可先行整改");
        assertThat(rejected.path("pauses")).isEmpty();

        // approved: the clock stops
        askForPause(id, "AWAIT_INSTRUCTION", "需请示市局法制支队，已报送");
        fx.complete(captain, id, "Task_ApprovePause", Map.of("pauseDecision", "APPROVE"));
        JsonNode paused = problem(id);
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("pauses")).hasSize(1);
        assertThat(paused.path("pauses").get(0).path("to").isNull()).isTrue();
        assertThat(paused.path("pauses").get(0).path("approvedBy").asText()).isEqualTo(captain);
        assertThat(paused.path("pauses").get(0).path("reason").asText()).isEqualTo("AWAIT_INSTRUCTION");
        assertThat(values(paused.path("timeline"), "kind")).contains("PAUSE_APPROVED", "PAUSED");

        // 10 working days from 03-09 are spent at 03-21 00:00: the clock runs again by itself
        clock("2026-03-21T08:00:00");
        JsonNode expired = fx.awaitProblem(legal, id, p -> "RECTIFYING".equals(p.path("status").asText()));
        assertThat(expired.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(expired.path("pausedWorkingDays").asInt()).isEqualTo(10);
        assertThat(OffsetDateTime.parse(expired.path("pauses").get(0).path("to").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-21T00:00:00+08:00"));
        assertThat(deadline(expired)).isEqualTo(OffsetDateTime.parse("2026-03-30T23:59:59+08:00"));
        assertThat(details(expired, "RESUMED")).singleElement().asString().contains("自动恢复", "10");
        // the captains of the bureau (other tests' too) and this unit's head
        assertThat(outbox(id, "PAUSE_EXPIRED")).contains("dt" + head, "dt" + captain).doesNotContain("dt" + legal);

        // 整改 done is refused while no evidence is uploaded: the task stays open
        String rectify = fx.taskId(officer, id, "Task_Rectify");
        Http.Response bare = fx.as(officer).postJson("/engine-rest/task/" + rectify + "/complete",
                Fixtures.variables("rectifyOutcome", "DONE", "rectificationReport", "已请示并整改"));
        assertThat(bare.status()).as(bare.body()).isEqualTo(400);
        assertThat(bare.body()).contains("佐证材料");
        assertThat(fx.taskId(officer, id, "Task_Rectify")).isEqualTo(rectify);
        fx.uploadEvidence(id);
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已请示并整改"));

        // a return needs its comment; each decision's timeline entry carries its own
        String review = fx.taskId(legal, id, "Task_Review");
        Http.Response noComment = fx.as(legal).postJson("/engine-rest/task/" + review + "/complete",
                Fixtures.variables("reviewDecision", "RETURN"));
        assertThat(noComment.status()).as(noComment.body()).isEqualTo(400);
        assertThat(noComment.body()).contains("审核意见");
        fx.complete(legal, id, "Task_Review", Map.of("reviewDecision", "RETURN", "reviewComment", "A"));
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已补充整改"));
        fx.complete(legal, id, "Task_Review", Map.of("reviewDecision", "APPROVE", "reviewComment", "B"));
        JsonNode closed = problem(id);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(details(closed, "RETURNED")).singleElement().asString().contains("A").doesNotContain("B");
        assertThat(details(closed, "APPROVED")).singleElement().asString().contains("B").doesNotContain("A");
        // the pause stays on the record
        assertThat(closed.path("pausedWorkingDays").asInt()).isEqualTo(10);
        assertThat(closed.path("pauses")).hasSize(1);
    }

    @Test
    void shouldMoveTheDeadlineByThePausedWorkingDaysWhenTheUnitResumesAndChaseTheReview() {
        clock("2026-03-23T09:00:00");
        long id = register("扣押物品清单未交付当事人");
        fx.complete(head, id, "Task_Sign", Map.of());
        assertThat(deadline(problem(id))).isEqualTo(OffsetDateTime.parse("2026-03-30T23:59:59+08:00"));
        askForPause(id, "AWAIT_EXTERNAL", "等待区人民检察院答复");
        fx.complete(captain, id, "Task_ApprovePause", Map.of("pauseDecision", "APPROVE", "pauseComment", "同意"));

        // Monday to Thursday: Monday, Tuesday, Wednesday paused
        clock("2026-03-26T10:00:00");
        fx.complete(officer, id, "Task_AwaitInstruction", Map.of("instructionSummary", "检察院已答复"));
        JsonNode resumed = problem(id);
        assertThat(resumed.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(resumed.path("pausedWorkingDays").asInt()).isEqualTo(3);
        assertThat(deadline(resumed)).isEqualTo(OffsetDateTime.parse("2026-04-02T23:59:59+08:00"));
        JsonNode pause = resumed.path("pauses").get(0);
        assertThat(pause.path("reason").asText()).isEqualTo("AWAIT_EXTERNAL");
        assertThat(pause.path("detail").asText()).isEqualTo("等待区人民检察院答复");
        assertThat(OffsetDateTime.parse(pause.path("from").asText())).isBetween(
                OffsetDateTime.parse("2026-03-23T09:00:00+08:00"), OffsetDateTime.parse("2026-03-23T09:10:00+08:00"));

        // the review is due 3 working days later (Tuesday 03-31); the captain is told, the reviewers the day after
        fx.uploadEvidence(id);
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已交付"));
        clock("2026-04-01T10:00:00");
        JsonNode chased = fx.awaitProblem(legal, id, p -> details(p, "OVERDUE").size() >= 2);
        assertThat(details(chased, "OVERDUE")).hasSize(2);
        assertThat(outbox(id, "REVIEW_OVERDUE")).contains("dt" + captain).doesNotContain("dt" + legal);
        assertThat(outbox(id, "REVIEW_CHASE")).contains("dt" + legal);

        // approved on the first round, without a comment (optional on APPROVE)
        fx.complete(legal, id, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        assertThat(problem(id).path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shouldNameWhatRaisedTheLevelInItsDocument() {
        clock("2026-03-09T09:00:00");
        long id = register("接警后未按时签收");
        clock("2026-03-11T10:00:00"); // 24 hours to sign and 24 more of grace are past
        JsonNode yellow = fx.awaitProblem(legal, id, p -> "YELLOW".equals(p.path("level").asText()));
        assertThat(yellow.path("level").asText()).isEqualTo("YELLOW");
        String notice = StreamSupport.stream(yellow.path("documents").spliterator(), false)
                .filter(d -> "CORRECTION_NOTICE".equals(d.path("type").asText())).findFirst().orElseThrow()
                .path("url").asText();
        String html = fx.as(legal).get(notice).body();
        assertThat(html).contains("逾期未签收").doesNotContain("整改迟缓。");

        Http.Response raised = fx.as(captain).postJson("/api/problems/" + id + "/raise", Map.of("comment", "群众多次反映"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        String order = StreamSupport.stream(problem(id).path("documents").spliterator(), false)
                .filter(d -> "SUPERVISION_ORDER".equals(d.path("type").asText())).findFirst().orElseThrow()
                .path("url").asText();
        assertThat(fx.as(legal).get(order).body()).contains("上级提级", "民警" + captain);
    }
}
