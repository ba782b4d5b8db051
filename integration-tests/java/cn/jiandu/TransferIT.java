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
 * Closing the loop over HTTP: a unit asks for a problem to go to another unit (申请改派) and
 * the legal officers approve or reject it; the legal brigade captain voids a problem
 * registered in error (作废) and it leaves the process, the scores and every figure.
 */
class TransferIT extends ItSupport {

    private static final String PASSWORD = "transfer-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String otherStation;
    private String head;
    private String officer;
    private String otherHead;
    private String stranger;
    private String legal;
    private String captain;

    @BeforeEach
    void aBureauWithTwoStations() {
        String u = unique();
        station = "TS" + u;
        otherStation = "TO" + u;
        String legalUnit = "TL" + u;
        fx.unit(station, "改派测试所" + u, "STATION");
        fx.unit(otherStation, "接收测试所" + u, "STATION");
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("H" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("O" + u, station, "OFFICER");
        otherHead = fx.officer("K" + u, otherStation, "UNIT_HEAD");
        stranger = fx.officer("S" + u, otherStation, "OFFICER");
        legal = fx.officer("L" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("C" + u, legalUnit, "LEGAL_CAPTAIN");
    }

    @AfterEach
    void clockBackToNow() {
        admin().postJson("/api/admin/clock", Map.of("now", OffsetDateTime.now().toString()));
    }

    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映的问题。"))
                .path("id").asLong();
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<String> taskKeys(JsonNode tasks) {
        return values(tasks, "taskDefinitionKey");
    }

    private void requestTransfer(long id) {
        fx.complete(head, id, "Task_Sign", Map.of("signOutcome", "TRANSFER", "transferReason", "案发地不在本所辖区",
                "suggestedUnitCode", otherStation));
    }

    @Test
    void shouldMoveAnApprovedTransferToTheNewUnitWithTheDocumentReissued() {
        long id = register("受案回执未开具（改派）");
        JsonNode before = fx.problem(legal, id);
        String oldNumber = before.path("documents").get(0).path("number").asText();

        requestTransfer(id);
        assertThat(taskKeys(fx.tasks(head, id))).doesNotContain("Task_Sign");
        String decide = fx.taskId(legal, id, "Task_DecideTransfer");
        assertThat(fx.as(legal).get("/engine-rest/task/" + decide + "/variables/transferUnitCode").json()
                .path("value").asText()).isEqualTo(otherStation);

        // an unknown unit is refused as the form field's error, and the task stays open
        Http.Response unknown = fx.as(legal).postJson("/engine-rest/task/" + decide + "/complete",
                Fixtures.variables("transferDecision", "APPROVE", "transferUnitCode", "NOSUCHUNIT"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("transferUnitCode").contains("单位不存在");
        assertThat(fx.taskId(legal, id, "Task_DecideTransfer")).isEqualTo(decide);

        fx.completeTask(legal, decide, Map.of("transferDecision", "APPROVE", "transferComment", "属接收所辖区"));

        JsonNode moved = fx.problem(legal, id);
        assertThat(moved.path("unitCode").asText()).isEqualTo(otherStation);
        assertThat(moved.path("status").asText()).isEqualTo("OPEN");
        assertThat(taskKeys(fx.tasks(otherHead, id))).containsExactly("Task_Sign");
        assertThat(fx.tasks(head, id)).isEmpty();
        assertThat(values(moved.path("timeline"), "kind")).contains("TRANSFER_REQUESTED", "TRANSFER_APPROVED",
                "TRANSFERRED");
        JsonNode documents = moved.path("documents");
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).path("number").asText()).isEqualTo(oldNumber);
        assertThat(documents.get(0).path("superseded").asBoolean()).isTrue();
        assertThat(documents.get(0).path("supersededBy").asLong()).isEqualTo(documents.get(1).path("id").asLong());
        assertThat(documents.get(1).path("superseded").asBoolean()).isFalse();
        assertThat(documents.get(1).path("unitCode").asText()).isEqualTo(otherStation);
        assertThat(documents.get(1).path("number").asText()).isNotEqualTo(oldNumber).matches(".+〔\\d{4}〕第\\d{3,}号");

        // the new unit's head signs
        fx.complete(otherHead, id, "Task_Sign", Map.of("signOutcome", "SIGN"));
        assertThat(fx.problem(legal, id).path("status").asText()).isEqualTo("RECTIFYING");
    }

    @Test
    void shouldTurnYellowWhenTheUnitsSecondTransferRequestIsRejected() {
        long id = register("受案回执未开具（推诿）");
        String signDeadline = fx.problem(legal, id).path("signDeadline").asText();

        requestTransfer(id);
        fx.complete(legal, id, "Task_DecideTransfer", Map.of("transferDecision", "REJECT"));
        JsonNode once = fx.problem(legal, id);
        assertThat(once.path("level").asText()).isEqualTo("BLUE");
        assertThat(once.path("unitCode").asText()).isEqualTo(station);
        assertThat(once.path("signDeadline").asText()).isEqualTo(signDeadline);
        assertThat(taskKeys(fx.tasks(head, id))).contains("Task_Sign");

        requestTransfer(id);
        fx.complete(legal, id, "Task_DecideTransfer", Map.of("transferDecision", "REJECT"));
        JsonNode twice = fx.problem(legal, id);
        assertThat(twice.path("level").asText()).isEqualTo("YELLOW");
        assertThat(twice.path("unitCode").asText()).isEqualTo(station);
        assertThat(StreamSupport.stream(twice.path("timeline").spliterator(), false)
                .anyMatch(e -> "LEVEL".equals(e.path("kind").asText()) && e.path("detail").asText().contains("推诿扯皮")))
                .isTrue();
        assertThat(taskKeys(fx.tasks(head, id))).contains("Task_Sign");
    }

    private int deducted(String by, String code, String month) {
        JsonNode ranking = fx.as(legal).get("/api/scores?month=" + month + "&by=" + by).json();
        return StreamSupport.stream(ranking.spliterator(), false).filter(e -> code.equals(e.path("code").asText()))
                .findFirst().map(e -> e.path("deducted").asInt()).orElse(0);
    }

    private Http.Response voidIt(String user, long id, Object body) {
        return fx.as(user).postJson("/api/problems/" + id + "/void", body);
    }

    @Test
    void shouldVoidAtEveryStateEndingTheProcessReversingTheScoresAndLeavingTheFigures() {
        assertThat(admin().postJson("/api/admin/clock", Map.of("now", "2033-07-10T10:00:00+08:00")).status())
                .isEqualTo(200);
        String month = "2033-07";
        long open = register("作废测试一");
        long rectifying = register("作废测试二");
        long reviewing = register("作废测试三");
        fx.complete(head, rectifying, "Task_Sign", Map.of());
        fx.complete(head, reviewing, "Task_Sign", Map.of());
        fx.uploadEvidence(reviewing);
        fx.complete(officer, reviewing, "Task_Rectify", Map.of("rectificationReport", "已整改"));
        assertThat(fx.problem(legal, rectifying).path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(fx.problem(legal, reviewing).path("status").asText()).isEqualTo("REVIEWING");
        assertThat(deducted("unit", station, month)).isPositive();
        assertThat(deducted("officer", officer, month)).isPositive();
        long dashboardTotal = fx.as(legal).get("/api/dashboard").json().path("counts").path("total").asLong();

        // who may void: the legal brigade captain (and an administrator); another unit's officer does not see it
        assertThat(voidIt(head, open, Map.of("reason", "登记错误")).status()).isEqualTo(403);
        assertThat(voidIt(officer, open, Map.of("reason", "登记错误")).status()).isEqualTo(403);
        assertThat(voidIt(legal, open, Map.of("reason", "登记错误")).status()).isEqualTo(403);
        assertThat(voidIt(stranger, open, Map.of("reason", "登记错误")).status()).isEqualTo(404);
        Http.Response noReason = voidIt(captain, open, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason").contains("作废原因");
        assertThat(voidIt(captain, open, Map.of("reason", "  ")).status()).isEqualTo(400);
        assertThat(voidIt(captain, open, Map.of("reason", "长".repeat(501))).status()).isEqualTo(400);
        assertThat(voidIt(captain, open, Map.of("reason", List.of("数组"))).status()).isEqualTo(400);
        assertThat(fx.as(captain).postRaw("/api/problems/" + open + "/void", "application/json", new byte[0]).status())
                .isEqualTo(400);

        for (long id : List.of(open, rectifying, reviewing)) {
            Http.Response voided = voidIt(captain, id, Map.of("reason", "与其他问题重复登记"));
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            assertThat(voided.json().path("status").asText()).isEqualTo("VOID");
            JsonNode problem = fx.problem(legal, id);
            assertThat(problem.path("status").asText()).isEqualTo("VOID");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).count()).isZero();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count())
                    .isZero();
            assertThat(StreamSupport.stream(problem.path("timeline").spliterator(), false)
                    .anyMatch(e -> "VOIDED".equals(e.path("kind").asText())
                            && e.path("actor").asText().equals(captain)
                            && e.path("detail").asText().contains("与其他问题重复登记"))).isTrue();
            assertThat(voidIt(captain, id, Map.of("reason", "再次作废")).status()).isEqualTo(409);
        }
        assertThat(fx.tasks(head, open)).isEmpty();
        assertThat(deducted("unit", station, month)).isZero();
        assertThat(deducted("officer", officer, month)).isZero();
        assertThat(fx.as(legal).get("/api/dashboard").json().path("counts").path("total").asLong())
                .isEqualTo(dashboardTotal - 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE problem_id = ? AND step = 'VOIDED'",
                Integer.class, open)).isPositive();

        // the month's report: out of every figure, in its 作废 line
        admin().postJson("/api/admin/clock", Map.of("now", "2033-08-02T10:00:00+08:00"));
        Http.Response made = admin().postJson("/api/reports", Map.of("type", "MONTHLY", "date", "2033-07-15"));
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        String html = admin().get("/api/reports/" + made.json().path("id").asLong()).body();
        assertThat(html).doesNotContain("data-k=\"unit." + station + ".found\"");
        assertThat(html).contains("十、作废问题").contains("data-k=\"void." + open + ".reason\">与其他问题重复登记<")
                .contains("data-k=\"void." + reviewing + ".reason\"").contains("作废测试二（第" + rectifying + "号）");
    }
}
