package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public's tickets as the supervised unit would attack them: the unit head and an
 * officer of the station a ticket names try every engine endpoint they can reach to see,
 * claim, complete or hand over the intake's tasks (分派, 回访, 回访复核), to read its
 * variables (runtime, task, history), to move it with its messages (ProblemApproved,
 * ProblemVoided, ReopenProblem) or to start the intake process themselves; and the ticket's
 * pages and API. Each is refused (401/403/404, or 400 before the engine) or answered with
 * an empty list, never with the ticket; nothing of the intakes, their processes or the
 * problem changes. A call back a legal officer hands to the unit head (指派) gives him
 * neither the phone nor the decision; the legal officer cannot decide the captain's review,
 * nor the captain the triage.
 */
class IntakeEscapeIT extends ItSupport {

    private static final String PASSWORD = "intake-escape-1";
    private static final String PHONE = "13612345678";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String u;
    private String station;
    private String stationName;
    private String legal;
    private String captain;
    private String head;
    private String officer;
    /** In 分派, accepted and waiting for its call back (回访), in 回访复核. */
    private long triage;
    private long callback;
    private long review;
    private long problem;

    @BeforeEach
    void aStationItsTicketsAndTheLegalDepartment() {
        clock.reset();
        u = unique();
        station = "IS" + u;
        stationName = "被诉派出所" + u;
        fx.unit(station, stationName, "STATION");
        String legalUnit = "IL" + u;
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        legal = fx.officer("IL" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("IC" + u, legalUnit, "LEGAL_CAPTAIN");
        head = fx.officerOnDingTalk("IH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("IO" + u, station, "OFFICER");

        triage = posted("T");
        callback = posted("C");
        done(fx.as(legal).postJson("/engine-rest/task/" + task(callback, "Task_Triage") + "/complete",
                Fixtures.variables("triageDecision", "ACCEPT", "unitCode", station, "category", "CASE_FILING",
                        "officerNo", officer)));
        problem = fx.as(legal).get("/api/intake/" + callback).json().path("problemId").asLong();
        assertThat(problem).isPositive();
        fx.complete(head, problem, "Task_Sign", Map.of());
        fx.uploadEvidence(problem);
        fx.complete(officer, problem, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
        fx.complete(legal, problem, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        task(callback, "Task_Callback");
        review = posted("R");
        tasks.complete(task(review, "Task_Triage"), Map.of("triageDecision", "REJECT", "triageReason", "不属执法问题"));
        tasks.complete(task(review, "Task_Callback"), Map.of("callbackOutcome", "DISSATISFIED", "callbackNote",
                "对答复不满意"));
        task(review, "Task_CallbackReview");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** A ticket of the 12345 hotline that names the station. */
    private long posted(String which) {
        Map<String, Object> ticket = new HashMap<>();
        ticket.put("source", "HOTLINE_12345");
        ticket.put("ticketNo", "IE" + which + u);
        ticket.put("receivedAt", "2026-03-01T09:30:00+08:00");
        ticket.put("content", secret(which));
        ticket.put("complainant", Map.of("name", "王五", "phone", PHONE));
        ticket.put("unitHint", stationName);
        Http.Response made = admin().postJson("/api/intake", ticket);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    /** What the ticket says: the unit may read none of it. */
    private String secret(String which) {
        return "所长" + which + u + "包庇民警，拒不出具回执";
    }

    private static void done(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private String task(long intakeId, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey("intake-" + intakeId).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s of intake %s", key, intakeId).isNotNull();
        return task.getId();
    }

    private String instance(long intakeId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("intake-" + intakeId).singleResult()
                .getId();
    }

    /** The intakes, their processes (tasks, assignees, variables, comments) and the problem, as they must stay. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (long id : List.of(triage, callback, review)) {
            String pi = instance(id);
            state.put("intake " + id, jdbc.queryForMap("SELECT status, callback_status, problem_id, closed_at"
                    + " FROM intake WHERE id = ?", id).toString());
            state.put("calls " + id, jdbc.queryForObject("SELECT COUNT(*) FROM intake_callback WHERE intake_id = ?",
                    Long.class, id));
            state.put("tasks " + id, tasks.createTaskQuery().processInstanceId(pi).list().stream()
                    .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + t.getOwner()
                            + " " + t.getDelegationState())
                    .sorted().toList());
            state.put("variables " + id, new TreeMap<>(runtime.getVariables(pi)).toString());
            state.put("comments " + id, jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?",
                    Long.class, pi));
            state.put("links " + id, jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t"
                    + " ON t.ID_ = l.TASK_ID_ WHERE t.PROC_INST_ID_ = ?", Long.class, pi));
        }
        state.put("problem", jdbc.queryForMap("SELECT status, level, repeat_count, closed_at FROM problem WHERE id = ?",
                problem).toString());
        state.put("problems", jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class));
        state.put("intake processes", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_ WHERE d.KEY_ = 'intake'", Long.class));
        return state;
    }

    /** One attempt: the method, the path, the JSON body (null: none). */
    private record Attempt(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every read of an intake the engine's API offers, for its open task {@code key}. */
    private List<Attempt> reads(long intakeId, String key) {
        String t = task(intakeId, key);
        String pi = instance(intakeId);
        String bk = "intake-" + intakeId;
        List<Attempt> all = new ArrayList<>();
        for (String path : List.of("task?processInstanceBusinessKey=" + bk, "task?processInstanceId=" + pi,
                "task/count?processInstanceId=" + pi, "task/" + t, "task/" + t + "/variables",
                "task/" + t + "/localVariables", "task/" + t + "/form-variables", "task/" + t + "/form",
                "task/" + t + "/rendered-form", "task/" + t + "/deployed-form", "task/" + t + "/identity-links",
                "task/" + t + "/comment", "task/" + t + "/variables/ticket", "process-instance?businessKey=" + bk,
                "process-instance/" + pi, "process-instance/" + pi + "/variables",
                "process-instance/" + pi + "/variables/content", "process-instance/" + pi + "/activity-instances",
                "execution?processInstanceId=" + pi, "variable-instance?processInstanceIdIn=" + pi,
                "variable-instance/count?processInstanceIdIn=" + pi, "history/variable-instance?processInstanceId=" + pi,
                "history/variable-instance?processInstanceIdIn=" + pi,
                "history/variable-instance/count?processInstanceId=" + pi, "history/detail?processInstanceId=" + pi,
                "history/process-instance?processInstanceBusinessKey=" + bk, "history/process-instance/" + pi,
                "history/task?processInstanceId=" + pi, "history/task?processInstanceBusinessKey=" + bk,
                "history/activity-instance?processInstanceId=" + pi, "history/identity-link-log?taskId=" + t,
                "history/user-operation?processInstanceId=" + pi, "history/incident?processInstanceId=" + pi)) {
            all.add(new Attempt("GET", "/engine-rest/" + path, null));
        }
        all.add(new Attempt("POST", "/engine-rest/task", Map.of("processInstanceBusinessKey", bk)));
        all.add(new Attempt("POST", "/engine-rest/task/count", Map.of("processInstanceId", pi)));
        all.add(new Attempt("POST", "/engine-rest/variable-instance", Map.of("processInstanceIdIn", List.of(pi))));
        all.add(new Attempt("POST", "/engine-rest/process-instance", Map.of("processInstanceIds", List.of(pi))));
        all.add(new Attempt("POST", "/engine-rest/history/variable-instance", Map.of("processInstanceId", pi)));
        all.add(new Attempt("POST", "/engine-rest/history/task", Map.of("processInstanceId", pi)));
        all.add(new Attempt("POST", "/engine-rest/history/process-instance", Map.of("processInstanceBusinessKey", bk)));
        all.add(new Attempt("GET", "/intakes/" + intakeId, null));
        all.add(new Attempt("GET", "/intakes/" + intakeId + "/contact", null));
        all.add(new Attempt("GET", "/api/intake/" + intakeId, null));
        all.add(new Attempt("GET", "/api/intake?size=200", null));
        return all;
    }

    /** What the task's own form would submit: a valid decision. */
    private static Map<String, Object> validDecision(String key, String station) {
        return switch (key) {
            case "Task_Triage" -> Fixtures.variables("triageDecision", "ACCEPT", "unitCode", station, "category",
                    "CASE_FILING");
            case "Task_Callback" -> Fixtures.variables("callbackOutcome", "SATISFIED", "callbackNote", "群众满意");
            default -> Fixtures.variables("callbackReviewDecision", "UPHOLD", "callbackReviewNote", "已解释");
        };
    }

    /** Every write of an intake the engine's API offers, for its open task {@code key}, as {@code user}. */
    private List<Attempt> writes(long intakeId, String key, String user) {
        String t = task(intakeId, key);
        String pi = instance(intakeId);
        String bk = "intake-" + intakeId;
        List<Attempt> all = new ArrayList<>();
        String task = "/engine-rest/task/" + t;
        all.add(new Attempt("POST", task + "/claim", Map.of("userId", user)));
        all.add(new Attempt("POST", task + "/unclaim", Map.of()));
        all.add(new Attempt("POST", task + "/assignee", Map.of("userId", user)));
        all.add(new Attempt("POST", task + "/delegate", Map.of("userId", user)));
        all.add(new Attempt("POST", task + "/complete", validDecision(key, station)));
        all.add(new Attempt("POST", task + "/submit-form", validDecision(key, station)));
        all.add(new Attempt("POST", task + "/resolve", validDecision(key, station)));
        all.add(new Attempt("POST", task + "/bpmnError", Map.of("errorCode", "ANY")));
        all.add(new Attempt("POST", task + "/bpmnEscalation", Map.of("escalationCode", "ANY")));
        all.add(new Attempt("POST", task + "/comment/create", Map.of("message", "已阅")));
        all.add(new Attempt("POST", task + "/identity-links", Map.of("groupId", "UNIT_HEAD", "type", "candidate")));
        all.add(new Attempt("PUT", task + "/variables/triageDecision", Map.of("value", "REJECT")));
        all.add(new Attempt("POST", task + "/variables", Map.of("modifications", Map.of("callbackOutcome",
                Map.of("value", "SATISFIED")))));
        all.add(new Attempt("PUT", task + "/localVariables/callbackNote", Map.of("value", "满意")));
        all.add(new Attempt("PUT", "/engine-rest/process-instance/" + pi + "/variables/callbackOutcome",
                Map.of("value", "SATISFIED")));
        all.add(new Attempt("POST", "/engine-rest/process-instance/" + pi + "/variables", Map.of("modifications",
                Map.of("finalStatus", Map.of("value", "SATISFIED")))));
        all.add(new Attempt("POST", "/engine-rest/process-instance/" + pi + "/modification", Map.of("instructions",
                List.of(Map.of("type", "cancel", "activityId", key)))));
        all.add(new Attempt("POST", "/engine-rest/process-instance/" + pi + "/suspended", Map.of("suspended", true)));
        all.add(new Attempt("PUT", "/engine-rest/process-instance/" + pi + "/suspended", Map.of("suspended", true)));
        all.add(new Attempt("DELETE", "/engine-rest/process-instance/" + pi, null));
        for (String message : List.of("ProblemApproved", "ProblemVoided")) {
            all.add(new Attempt("POST", "/engine-rest/message", Map.of("messageName", message, "businessKey", bk)));
            all.add(new Attempt("POST", "/engine-rest/message", Map.of("messageName", message, "all", true)));
        }
        all.add(new Attempt("POST", "/engine-rest/message", Map.of("messageName", "ReopenProblem", "businessKey",
                String.valueOf(problem))));
        all.add(new Attempt("POST", "/engine-rest/message", Map.of("messageName", "ReopenProblem",
                "processVariables", Map.of("problemId", Map.of("value", problem)))));
        all.add(new Attempt("POST", "/engine-rest/process-definition/key/intake/start", Map.of("businessKey", bk)));
        all.add(new Attempt("POST", "/engine-rest/process-definition/key/intake/submit-form", Map.of()));
        return all;
    }

    private Http.Response send(Http http, Attempt a) {
        return switch (a.method()) {
            case "GET" -> http.get(a.path());
            case "PUT" -> http.putJson(a.path(), a.body());
            case "DELETE" -> http.delete(a.path());
            default -> http.postJson(a.path(), a.body());
        };
    }

    /** Refused (401/403/404, or 400 before the engine), or an empty list or count: nothing of the ticket. */
    private static boolean seesNothing(Http.Response r) {
        if (List.of(400, 401, 403, 404).contains(r.status())) {
            return true;
        }
        if (r.status() != 200) {
            return false;
        }
        JsonNode body = r.json();
        JsonNode items = body.has("items") ? body.path("items") : body;
        return items.isArray() && items.isEmpty() || body.has("count") && body.path("count").asLong() == 0;
    }

    @Test
    void shouldLetTheUnitATicketNamesNeitherSeeNorTouchItsIntakeTasks() {
        Map<String, Object> before = state();
        Map<String, Long> intakes = Map.of("Task_Triage", triage, "Task_Callback", callback, "Task_CallbackReview",
                review);
        List<String> leaks = new ArrayList<>();
        int attempts = 0;
        for (String user : List.of(head, officer)) {
            Http http = fx.as(user);
            Http tasklist = fx.tasklist(user);
            for (Map.Entry<String, Long> e : intakes.entrySet()) {
                long id = e.getValue();
                for (Attempt a : reads(id, e.getKey())) {
                    attempts++;
                    Http.Response r = send(http, a);
                    if (!seesNothing(r) || List.of(secret("T"), secret("C"), secret("R"), PHONE).stream()
                            .anyMatch(r.body()::contains)) {
                        leaks.add(user + " " + a + ": " + r.status() + " " + abbreviate(r.body()));
                    }
                }
                attempts++;
                Http.Response listed = tasklist.postJson("/camunda/api/engine/engine/default/task",
                        Map.of("processInstanceBusinessKey", "intake-" + id));
                if (!seesNothing(listed)) {
                    leaks.add(user + " Tasklist task list of intake " + id + ": " + abbreviate(listed.body()));
                }
                for (Attempt a : writes(id, e.getKey(), user)) {
                    attempts++;
                    Http.Response r = send(http, a);
                    if (!List.of(400, 401, 403, 404).contains(r.status())) {
                        leaks.add(user + " " + a + ": " + r.status() + " " + abbreviate(r.body()));
                    }
                    assertThat(state()).as("%s %s changed nothing (%s)", user, a, r.status()).isEqualTo(before);
                }
                attempts++;
                Http.Response form = tasklist.postJson("/camunda/api/engine/engine/default/task/"
                        + task(id, e.getKey()) + "/submit-form", validDecision(e.getKey(), station));
                if (!List.of(400, 401, 403, 404).contains(form.status())) {
                    leaks.add(user + " Tasklist submit-form of " + e.getKey() + ": " + form.status());
                }
            }
        }
        // the same paths answer the legal department: what the unit got was a refusal, not a wrong path
        for (long id : intakes.values()) {
            String pi = instance(id);
            for (String path : List.of("task?processInstanceBusinessKey=intake-" + id,
                    "variable-instance?processInstanceIdIn=" + pi, "history/variable-instance?processInstanceId=" + pi,
                    "process-instance?businessKey=intake-" + id)) {
                Http.Response r = fx.as(legal).get("/engine-rest/" + path);
                assertThat(seesNothing(r)).as("the legal officer reads %s: %s", path, abbreviate(r.body())).isFalse();
            }
            assertThat(fx.as(legal).get("/engine-rest/process-instance/" + pi + "/variables").body())
                    .contains("ticketNo");
        }
        System.out.println("INTAKE ESCAPE " + attempts + " attempts");
        assertThat(leaks).as("what the unit reached").isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void shouldNotHandTheCallBackOrThePhoneToTheUnitThroughAnAssignment() {
        // (an assignment outside the task's role is refused; the unit is refused the rest all the same)
        String call = task(callback, "Task_Callback");
        Map<String, Object> before = state();
        // the legal officer tries to hand the call back to the unit head (指派): refused, the task unchanged
        Http.Response handed = fx.as(legal).postJson("/engine-rest/task/" + call + "/assignee", Map.of("userId", head));
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);
        assertThat(handed.json().path("detail").asText()).contains("法制员");
        assertThat(tasks.createTaskQuery().taskId(call).singleResult().getAssignee()).isNull();
        Http.Response contact = fx.as(head).get("/intakes/" + callback + "/contact");
        assertThat(contact.status()).as(contact.body()).isEqualTo(403);
        assertThat(contact.body()).doesNotContain(PHONE);
        for (String how : List.of("complete", "submit-form")) {
            Http.Response completed = fx.as(head).postJson("/engine-rest/task/" + call + "/" + how,
                    validDecision("Task_Callback", station));
            // not his: the engine's own refusal (no right to the task), in Chinese
            assertThat(completed.status()).as(completed.body()).isEqualTo(403);
            assertThat(completed.json().path("detail").asText()).contains("无权");
        }
        assertThat(state()).isEqualTo(before);
        // back to the legal department: the legal officer holds it again and sees the phone
        done(fx.as(legal).postJson("/engine-rest/task/" + call + "/assignee", Map.of("userId", legal)));
        Http.Response own = fx.as(legal).get("/intakes/" + callback + "/contact");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(PHONE);
    }

    @Test
    void shouldLeaveEachIntakeDecisionToItsRole() {
        String decide = task(review, "Task_CallbackReview");
        // the legal officer claims the captain's review first (his engine rights let him), then decides it
        Http.Response claimed = fx.as(legal).postJson("/engine-rest/task/" + decide + "/claim", Map.of("userId", legal));
        assertThat(claimed.status()).as(claimed.body()).isIn(204, 403);
        Http.Response afterClaim = fx.as(legal).postJson("/engine-rest/task/" + decide + "/complete",
                validDecision("Task_CallbackReview", station));
        assertThat(afterClaim.status()).as(afterClaim.body()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(decide).count()).isEqualTo(1);
        tasks.setAssignee(decide, null);
        Map<String, Object> before = state();
        for (String how : List.of("complete", "submit-form")) {
            Http.Response byLegal = fx.as(legal).postJson("/engine-rest/task/" + decide + "/" + how,
                    validDecision("Task_CallbackReview", station));
            assertThat(byLegal.status()).as("the legal officer decides the review: %s", byLegal.body()).isEqualTo(403);
            assertThat(byLegal.json().path("detail").asText()).contains("法制大队长");
            Http.Response byCaptain = fx.as(captain).postJson("/engine-rest/task/" + task(triage, "Task_Triage") + "/"
                    + how, validDecision("Task_Triage", station));
            assertThat(byCaptain.status()).as("the captain triages: %s", byCaptain.body()).isEqualTo(403);
            Http.Response callByCaptain = fx.as(captain).postJson("/engine-rest/task/" + task(callback, "Task_Callback")
                    + "/" + how, validDecision("Task_Callback", station));
            assertThat(callByCaptain.status()).as("the captain calls back: %s", callByCaptain.body()).isEqualTo(403);
        }
        assertThat(state()).isEqualTo(before);
        // the captain decides it
        done(fx.as(captain).postJson("/engine-rest/task/" + decide + "/complete",
                validDecision("Task_CallbackReview", station)));
        assertThat(jdbc.queryForObject("SELECT review_decision FROM intake_callback WHERE intake_id = ?", String.class,
                review)).isEqualTo("UPHOLD");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
