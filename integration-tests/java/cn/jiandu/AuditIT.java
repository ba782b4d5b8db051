package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail: every change of a problem (level, assignee, document, review, message) is
 * in its timeline (table problem_event, GET /api/problems/{id} → timeline) with who and when,
 * the timeline only ever grows, and no API changes or deletes a problem or its timeline.
 */
class AuditIT extends ItSupport {

    private static final String PASSWORD = "audit-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String head;
    private String officer;
    private String legal;
    private String captain;

    @BeforeEach
    void aStationAndTheLegalBrigade() {
        clock.reset();
        String u = unique();
        station = "AS" + u;
        String legalUnit = "AL" + u;
        fx.unit(station, "审计测试派出所" + u, "STATION");
        fx.unit(legalUnit, "审计测试法制大队" + u, "LEGAL");
        // the station's people get DingTalk ids (their messages make MESSAGE entries); bureau-wide
        // roles none, so that other tests' messages do not reach this test's captain
        head = fx.officerOnDingTalk("AH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("AO" + u, station, "OFFICER");
        legal = fx.officer("AL" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("AC" + u, legalUnit, "LEGAL_CAPTAIN");
    }

    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title,
                "群众反映报警后未收到受案回执。")).path("id").asLong();
    }

    private JsonNode problem(long id) {
        Http.Response response = fx.as(legal).get("/api/problems/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> timeline(long id) {
        List<JsonNode> entries = new ArrayList<>();
        problem(id).path("timeline").forEach(entries::add);
        return entries;
    }

    private void engine(String user, String path, Object body) {
        Http.Response response = fx.as(user).postJson("/engine-rest" + path, body);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(204);
    }

    /** Register, claim and sign, assign and report, claim and return (turns yellow), raise to red, urge. */
    private long walkThroughEveryKindOfChange() {
        long id = register("受案回执未开具" + unique());
        String sign = fx.taskId(head, id, "Task_Sign");
        engine(head, "/task/" + sign + "/claim", Map.of("userId", head));
        engine(head, "/task/" + sign + "/complete", Fixtures.variables(Map.of("signComment", "已签收，立即整改")));

        fx.uploadEvidence(id);
        String rectify = fx.taskId(legal, id, "Task_Rectify");
        engine(legal, "/task/" + rectify + "/assignee", Map.of("userId", officer));
        engine(officer, "/task/" + rectify + "/complete",
                Fixtures.variables(Map.of("rectifyOutcome", "DONE", "rectificationReport", "已补开回执")));

        String review = fx.taskId(legal, id, "Task_Review");
        engine(legal, "/task/" + review + "/claim", Map.of("userId", legal));
        engine(legal, "/task/" + review + "/complete",
                Fixtures.variables(Map.of("reviewDecision", "RETURN", "reviewComment", "未告知报警人")));

        Http.Response raised = fx.as(captain).postJson("/api/problems/" + id + "/raise", Map.of("comment", "屡次反映"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        Http.Response urged = fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of("comment", "请速整改"));
        assertThat(urged.status()).as(urged.body()).isEqualTo(200);
        return id;
    }

    @Test
    void shouldRecordWhoAndWhenForEveryChangeOfAProblem() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        long id = walkThroughEveryKindOfChange();
        OffsetDateTime end = OffsetDateTime.now().plusSeconds(1);

        List<JsonNode> timeline = timeline(id);
        for (JsonNode entry : timeline) {
            assertThat(entry.path("actor").asText()).as("who: %s", entry).isNotBlank();
            assertThat(entry.path("kindLabel").asText()).as("label: %s", entry).isNotBlank();
            OffsetDateTime at = OffsetDateTime.parse(entry.path("at").asText());
            assertThat(at).as("when: %s", entry).isBetween(start, end);
        }
        List<OffsetDateTime> times = timeline.stream().map(e -> OffsetDateTime.parse(e.path("at").asText())).toList();
        assertThat(times).as("in the order it happened").isSortedAccordingTo(OffsetDateTime::compareTo);

        assertThat(actors(timeline, "REGISTERED")).containsExactly(legal);
        assertThat(actors(timeline, "TASK_ASSIGNED")).containsExactly(head, legal, legal);
        assertThat(details(timeline, "TASK_ASSIGNED")).containsExactly("认领待办「签收」",
                "待办「整改」指派给 " + officer, "认领待办「审核整改」");
        assertThat(labels(timeline, "TASK_ASSIGNED")).containsOnly("认领/指派");
        assertThat(actors(timeline, "SIGNED")).containsExactly(head);
        assertThat(actors(timeline, "REPORTED")).containsExactly(officer);
        assertThat(actors(timeline, "RETURNED")).containsExactly(legal);
        assertThat(levels(timeline, "LEVEL")).containsExactly("BLUE", "YELLOW", "RED");
        assertThat(actors(timeline, "LEVEL")).as("initial and repeat by the system, red by the captain")
                .containsExactly("system", "system", captain);
        assertThat(levels(timeline, "DOCUMENT")).containsExactly("BLUE", "YELLOW", "RED");
        assertThat(actors(timeline, "MANUAL_URGE")).containsExactly(legal);
        assertThat(levels(timeline, "MESSAGE")).as("a message for every level and the urging")
                .containsExactly("BLUE", "YELLOW", "RED", "RED");
        assertThat(problem(id).path("level").asText()).isEqualTo("RED");
    }

    @Test
    void shouldOnlyEverAppendToTheTimeline() {
        long id = register("办案区录像中断" + unique());
        List<JsonNode> registered = timeline(id);
        String sign = fx.taskId(head, id, "Task_Sign");
        engine(head, "/task/" + sign + "/claim", Map.of("userId", head));
        engine(head, "/task/" + sign + "/complete", Map.of());
        List<JsonNode> signed = timeline(id);
        fx.as(captain).postJson("/api/problems/" + id + "/raise", Map.of());
        fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of());
        List<JsonNode> later = timeline(id);

        assertThat(signed.size()).isGreaterThan(registered.size());
        assertThat(later.size()).isGreaterThan(signed.size());
        assertThat(signed.subList(0, registered.size())).as("what was there stays as it was").isEqualTo(registered);
        assertThat(later.subList(0, signed.size())).isEqualTo(signed);
    }

    @Test
    void shouldOfferNoWayToChangeOrDeleteAProblemOrItsTimeline() {
        long id = register("取保候审到期未解除" + unique());
        JsonNode before = problem(id);
        byte[] body = "{\"level\":\"BLUE\",\"status\":\"CLOSED\",\"timeline\":[]}".getBytes();
        for (Http caller : List.of(admin(), fx.as(head))) {
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
                Http.Response problem = caller.exchange(method, "/api/problems/" + id, "application/json", body);
                assertThat(problem.status()).as(method + " /api/problems/{id}: " + problem.body()).isEqualTo(405);
                assertThat(problem.json().path("detail").asText()).contains("不支持");
            }
            for (String method : List.of("PUT", "PATCH", "DELETE")) {
                assertThat(caller.exchange(method, "/api/problems", "application/json", body).status())
                        .as(method + " /api/problems").isEqualTo(405);
            }
            for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "POST")) {
                for (String path : List.of("/api/problems/" + id + "/timeline", "/api/problems/" + id + "/timeline/0",
                        "/api/problems/" + id + "/events")) {
                    Http.Response timeline = caller.exchange(method, path, "application/json",
                            "GET".equals(method) ? null : body);
                    assertThat(timeline.status()).as(method + " " + path + ": " + timeline.body()).isEqualTo(404);
                }
            }
        }
        // not even the engine's administrator: deleting the process leaves the record as it was
        String instance = before.path("processInstanceId").asText();
        assertThat(fx.as(head).delete("/engine-rest/process-instance/" + instance).status()).isEqualTo(403);
        assertThat(admin().delete("/engine-rest/process-instance/" + instance).status()).isEqualTo(204);

        JsonNode after = problem(id);
        assertThat(after.path("timeline")).isEqualTo(before.path("timeline"));
        assertThat(after.path("level")).isEqualTo(before.path("level"));
        assertThat(after.path("status")).isEqualTo(before.path("status"));
        assertThat(after.path("documents")).isEqualTo(before.path("documents"));
    }

    @Test
    void shouldRecordATaskGivenBackToItsGroup() {
        long id = register("警情未及时分流" + unique());
        String sign = fx.taskId(head, id, "Task_Sign");
        engine(head, "/task/" + sign + "/claim", Map.of("userId", head));
        engine(legal, "/task/" + sign + "/unclaim", Map.of());
        List<JsonNode> timeline = timeline(id);
        assertThat(details(timeline, "TASK_ASSIGNED")).containsExactly("认领待办「签收」", "待办「签收」退回候选组，待重新认领");
        assertThat(actors(timeline, "TASK_ASSIGNED")).containsExactly(head, legal);
    }

    private static List<String> actors(List<JsonNode> timeline, String kind) {
        return field(timeline, kind, "actor");
    }

    private static List<String> details(List<JsonNode> timeline, String kind) {
        return field(timeline, kind, "detail");
    }

    private static List<String> levels(List<JsonNode> timeline, String kind) {
        return field(timeline, kind, "level");
    }

    private static List<String> labels(List<JsonNode> timeline, String kind) {
        return field(timeline, kind, "kindLabel");
    }

    private static List<String> field(List<JsonNode> timeline, String kind, String field) {
        return timeline.stream().filter(e -> kind.equals(e.path("kind").asText())).map(e -> e.path(field).asText())
                .toList();
    }
}
