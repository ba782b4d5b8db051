package cn.jiandu;

import static cn.jiandu.Fixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.escalation.ProcessConsistency;

/**
 * The supervised unit tries to escape its own supervision through every completion path
 * it can reach, the engine's included (issue: rewrite its deadline and level, or close its
 * own problem): engine REST complete and submit-form, and the Tasklist's own API with a real
 * session and its CSRF token. Every user task of every model is tried with every variable
 * the process owns, an unknown name, a wrong type and an Object value: 400, the task still
 * open, the process and the problem unchanged; then the ordinary completion with the form's
 * own fields still works.
 */
class SupervisionEscapeIT extends ItSupport {

    private static final String PASSWORD = "escape-pass-1";

    /** Every variable the process owns (escalation's Rectification.ENGINE_OWNED). */
    private static final List<String> PROTECTED = List.of("problemId", "level", "levelRaised", "raiseReason",
            "raisedBy", "signed", "deadlineRules", "signDue", "signGraceDue", "rectifyDue", "graceDue", "remindAt",
            "reminderCycle", "timeLeftMillis", "graceMillis", "overdue", "reminded", "remindersSent", "repeatCount",
            "requestedLevel", "closedOnTime", "documentType", "returnReason", "unitCode", "officerNo", "registeredBy",
            "levelLabel", "problemTitle", "problemDescription", "unitName", "officerName", "sourceName",
            "categoryName", "signDueText", "rectifyDueText");

    /** What the escalation depends on, compared before and after every attempt. */
    private static final List<String> STATE = List.of("level", "rectifyDue", "graceDue", "signDue", "signGraceDue",
            "repeatCount", "signed", "overdue", "remindersSent", "unitCode", "officerNo", "problemId", "deadlineRules");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    ProcessConsistency consistency;

    private String station;
    private String head;
    private String officer;
    private String legal;
    private String captain;
    private String inspector;
    private String chief;

    @BeforeEach
    void aStationAndTheBureau() {
        clock.reset();
        String u = unique();
        station = "ES" + u;
        String legalUnit = "EL" + u;
        String bureau = "EB" + u;
        fx.unit(station, "城关派出所" + u, "STATION");
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        fx.unit(bureau, "分局领导" + u, "BUREAU");
        head = fx.officer("EH" + u, station, "UNIT_HEAD");
        officer = fx.officer("EO" + u, station, "OFFICER");
        legal = fx.officer("EL" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("EC" + u, legalUnit, "LEGAL_CAPTAIN");
        inspector = fx.officer("ED" + u, legalUnit, "DISCIPLINE_INSPECTOR");
        chief = fx.officer("EX" + u, bureau, "CHIEF");
    }

    private long register(boolean sensitive) {
        Map<String, Object> body = Fixtures.problem("HOTLINE_12345", station, officer, "受案登记表未开具回执" + unique(),
                "群众反映报警后未收到受案回执。");
        body.put("sensitive", sensitive);
        return fx.register(legal, body).path("id").asLong();
    }

    private Task task(long problemId, String key) {
        return Fixtures.task(tasks, problemId, key);
    }

    private String instance(long problemId) {
        return jdbc.queryForObject("SELECT process_instance_id FROM problem WHERE id = ?", String.class, problemId);
    }

    private void sign(long id) {
        fx.completeTask(head, task(id, "Task_Sign").getId(), Map.of("signComment", "已签收"));
    }

    private void report(long id) {
        fx.uploadEvidence(id);
        fx.completeTask(officer, task(id, "Task_Rectify").getId(),
                Map.of("rectifyOutcome", "DONE", "rectificationReport", "已补开受案回执"));
    }

    private void returnIt(long id) {
        fx.completeTask(legal, task(id, "Task_Review").getId(),
                Map.of("reviewDecision", "RETURN", "reviewComment", "回执未送达报警人"));
    }

    /** The problem's and its process's state, as the escalation sees them. */
    private Map<String, Object> state(long problemId) {
        Map<String, Object> state = new LinkedHashMap<>();
        JsonNode problem = admin().get("/api/problems/" + problemId).json();
        for (String field : List.of("level", "status", "repeatCount", "deadline", "signDeadline", "unitCode",
                "officerNo", "closedAt")) {
            state.put("problem." + field, problem.path(field).asText());
        }
        Map<String, Object> variables = runtime.getVariables(instance(problemId), STATE);
        STATE.forEach(name -> state.put("process." + name, String.valueOf(variables.get(name))));
        return state;
    }

    /** Who may complete each task, and one text field of its form. */
    private record Target(String key, long problemId, String user, String textField, Map<String, Object> ordinary) {
    }

    /** The four completion paths, each as the task's own rightful user. */
    private List<Map.Entry<String, BiFunction<Target, Object, Http.Response>>> paths() {
        Map<String, Http> sessions = new HashMap<>();
        Map<String, BiFunction<Target, Object, Http.Response>> paths = new LinkedHashMap<>();
        paths.put("engine-rest complete", (t, body) -> fx.as(t.user()).postJson(
                "/engine-rest/task/" + task(t.problemId(), t.key()).getId() + "/complete", body));
        paths.put("engine-rest submit-form", (t, body) -> fx.as(t.user()).postJson(
                "/engine-rest/task/" + task(t.problemId(), t.key()).getId() + "/submit-form", body));
        paths.put("Tasklist submit-form", (t, body) -> sessions.computeIfAbsent(t.user(), fx::tasklist).postJson(
                "/camunda/api/engine/engine/default/task/" + task(t.problemId(), t.key()).getId() + "/submit-form",
                body));
        paths.put("Tasklist complete", (t, body) -> sessions.computeIfAbsent(t.user(), fx::tasklist).postJson(
                "/camunda/api/engine/engine/default/task/" + task(t.problemId(), t.key()).getId() + "/complete",
                body));
        return new ArrayList<>(paths.entrySet());
    }

    @Test
    void shouldRefuseEveryProcessVariableOnEveryTaskThroughEveryPath() {
        long blue = register(false);
        long asking = register(false);
        sign(asking);
        fx.completeTask(officer, task(asking, "Task_Rectify").getId(),
                Map.of("rectifyOutcome", "WAIT", "pauseReason", "AWAIT_EXTERNAL", "pauseDetail", "等待检察院答复"));
        long waiting = register(false);
        sign(waiting);
        fx.completeTask(officer, task(waiting, "Task_Rectify").getId(),
                Map.of("rectifyOutcome", "WAIT", "pauseReason", "AWAIT_EXTERNAL", "pauseDetail", "等待检察院答复"));
        fx.completeTask(captain, task(waiting, "Task_ApprovePause").getId(), Map.of("pauseDecision", "APPROVE"));
        long reviewing = register(false);
        sign(reviewing);
        report(reviewing);
        long returned = register(false); // yellow after a return: 整改 again and 纪委督察谈话提醒
        sign(returned);
        report(returned);
        returnIt(returned);
        long red = register(true); // 签收 and 主要领导约谈
        List<Target> targets = List.of(
                new Target("Task_Sign", blue, head, "signComment", variables("signComment", "已签收")),
                new Target("Task_Rectify", returned, officer, "rectificationReport",
                        variables("rectifyOutcome", "DONE", "rectificationReport", "已重新整改")),
                new Target("Task_ApprovePause", asking, captain, "pauseComment",
                        variables("pauseDecision", "REJECT", "pauseComment", "可先行整改")),
                new Target("Task_AwaitInstruction", waiting, officer, "instructionSummary",
                        variables("instructionSummary", "检察院已答复", "instructionBy", "检察院")),
                new Target("Task_Review", reviewing, legal, "reviewComment",
                        variables("reviewDecision", "APPROVE", "reviewComment", "整改到位")),
                new Target("Task_DisciplineTalk", returned, inspector, "talkRecord",
                        variables("talkDate", "2026-03-10T09:00", "talkTargets", "民警", "talkRecord", "已谈话提醒")),
                new Target("Task_LeadershipInterview", red, chief, "interviewRecord",
                        variables("interviewDate", "2026-03-10T09:00", "interviewees", "所长", "interviewRecord", "已约谈")),
                new Target("Task_Sign", red, head, "signComment", variables("signComment", "已签收")));

        List<String> wrong = new ArrayList<>();
        int attempts = 0;
        for (Target target : targets) {
            String taskId = task(target.problemId(), target.key()).getId();
            Map<String, Object> before = state(target.problemId());
            for (Map.Entry<String, BiFunction<Target, Object, Http.Response>> path : paths()) {
                List<Map<String, Object>> attacks = new ArrayList<>();
                for (String name : PROTECTED) {
                    attacks.add(Map.of(name, Map.of("value", "BLUE")));
                }
                attacks.add(Map.of("note", Map.of("value", "随便写点")));
                attacks.add(Map.of(target.textField(), Map.of("value", true, "type", "Boolean")));
                attacks.add(Map.of(target.textField(), Map.of("value", "{\"a\":1}", "type", "Object",
                        "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                                "serializationDataFormat", "application/json"))));
                attacks.add(Map.of(target.textField(), Map.of("value", Map.of("a", 1))));
                attacks.add(Map.of(target.textField(), Map.of("value", "长".repeat(5000))));
                for (Map<String, Object> attack : attacks) {
                    attempts++;
                    Http.Response r = path.getValue().apply(target, Map.of("variables", attack));
                    String name = attack.keySet().iterator().next();
                    if (r.status() != 400 || !r.body().contains(name)) {
                        wrong.add(target.key() + " / " + path.getKey() + " / " + name + ": " + r.status() + " "
                                + abbreviate(r.body()));
                    }
                }
            }
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("%s still open", target.key()).isEqualTo(1);
            assertThat(state(target.problemId())).as("%s: process and problem unchanged", target.key())
                    .isEqualTo(before);
        }
        // the figure of docs/reliability.md
        System.out.println("ESCAPE " + attempts + " completion attempts on " + targets.size() + " tasks");
        assertThat(wrong).as("attempts not refused with 400 naming the variable (of %s)", attempts).isEmpty();

        // the ordinary completion with the form's own fields still works, through each path
        List<Map.Entry<String, BiFunction<Target, Object, Http.Response>>> paths = paths();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String taskId = task(target.problemId(), target.key()).getId();
            Http.Response r = paths.get(i % paths.size()).getValue().apply(target, target.ordinary());
            assertThat(r.status()).as("%s through %s: %s", target.key(), paths.get(i % paths.size()).getKey(), r.body())
                    .isEqualTo(204);
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
        }
        assertThat(admin().get("/api/problems/" + reviewing).json().path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shouldNotLetARedProblemsHeadRewriteItsLevelAndDeadline() {
        long red = register(true);
        Map<String, Object> before = state(red);
        String sign = task(red, "Task_Sign").getId();
        Http.Response r = fx.as(head).postJson("/engine-rest/task/" + sign + "/complete", Map.of("variables", Map.of(
                "level", Map.of("value", "BLUE"), "rectifyDue", Map.of("value", "2099-01-01T00:00:00.000+0800",
                        "type", "Date"), "graceDue", Map.of("value", "2099-01-01T00:00:00.000+0800", "type", "Date"))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("level", "rectifyDue", "graceDue", "任务仍待办理");
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(1);
        assertThat(state(red)).isEqualTo(before);
        assertThat(state(red).get("process.level")).isEqualTo("RED");

        // a 签收意见 of megabytes: 400, never 500
        Http.Response huge = fx.as(head).postJson("/engine-rest/task/" + sign + "/complete",
                variables("signComment", "签".repeat(3_000_000)));
        assertThat(huge.status()).as(abbreviate(huge.body())).isEqualTo(400);
        Http.Response long1001 = fx.as(head).postJson("/engine-rest/task/" + sign + "/complete",
                variables("signComment", "签".repeat(1001)));
        assertThat(long1001.status()).isEqualTo(400);
        assertThat(long1001.json().path("errors").get(0).path("field").asText()).isEqualTo("signComment");
        assertThat(state(red)).isEqualTo(before);
    }

    @Test
    void shouldNotLetTheUnitResetItsRepeatCountAfterAReturn() {
        long id = register(false);
        sign(id);
        report(id);
        returnIt(id);
        Map<String, Object> before = state(id);
        assertThat(before.get("problem.level")).isEqualTo("YELLOW");
        assertThat(before.get("process.repeatCount")).isEqualTo("1");
        String rectify = task(id, "Task_Rectify").getId();
        Http.Response r = fx.as(officer).postJson("/engine-rest/task/" + rectify + "/complete", Map.of("variables", Map.of(
                "repeatCount", Map.of("value", 0, "type", "Integer"), "level", Map.of("value", "BLUE"),
                "rectifyOutcome", Map.of("value", "DONE"), "rectificationReport", Map.of("value", "整改"))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(state(id)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(rectify).count()).isEqualTo(1);
    }

    @Test
    void shouldNotStoreAnObjectOfATypeTheCallerNames() {
        long id = register(false);
        String sign = task(id, "Task_Sign").getId();
        Http.Response r = fx.as(head).postJson("/engine-rest/task/" + sign + "/complete", Map.of("variables", Map.of(
                "signComment", Map.of("value", "{\"x\":1}", "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/json")))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(runtime.getVariable(instance(id), "signComment")).isNull();
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(1);
    }

    @Test
    void shouldNotLetAUnitHeadCloseHisProblemByThrowingAnError() {
        long red = register(true);
        String sign = task(red, "Task_Sign").getId();
        Http.Response r = fx.as(head).postJson("/engine-rest/task/" + sign + "/bpmnError", Map.of("errorCode", "ANY"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("message").asText()).contains("无权");
        // not even the administrator ends a path with an error nobody catches: the engine fails loudly
        Http.Response byAdmin = admin().postJson("/engine-rest/task/" + sign + "/bpmnError", Map.of("errorCode", "ANY"));
        assertThat(byAdmin.status() / 100).as(byAdmin.body()).isNotEqualTo(2);
        Http.Response escalation = fx.as(head).postJson("/engine-rest/task/" + sign + "/bpmnEscalation",
                Map.of("escalationCode", "RAISE_LEVEL"));
        assertThat(escalation.status()).isEqualTo(403);
        JsonNode problem = admin().get("/api/problems/" + red).json();
        assertThat(problem.path("status").asText()).isEqualTo("OPEN");
        assertThat(problem.path("level").asText()).isEqualTo("RED");
        assertThat(problem.path("timeline").toString()).doesNotContain("闭环");
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheRestOfTheEngineApiToAUnitHead() {
        long id = register(false);
        String sign = task(id, "Task_Sign").getId();
        Http http = fx.as(head);
        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("signal", http.postJson("/engine-rest/signal", Map.of("name", "anything")));
        answers.put("profile", http.putJson("/engine-rest/user/" + head + "/profile",
                Map.of("id", head, "firstName", "局长", "lastName", "")));
        answers.put("credentials", http.putJson("/engine-rest/user/" + head + "/credentials",
                Map.of("password", "new-pass-123", "authenticatedUserPassword", PASSWORD)));
        answers.put("fetchAndLock", http.postJson("/engine-rest/external-task/fetchAndLock",
                Map.of("workerId", "w", "maxTasks", 1, "topics", List.of(Map.of("topicName", "x", "lockDuration", 1000)))));
        answers.put("resolve", http.postJson("/engine-rest/task/" + sign + "/resolve", Map.of()));
        answers.put("delete", http.delete("/engine-rest/task/" + sign));
        answers.put("condition", http.postJson("/engine-rest/condition", Map.of("variables", Map.of())));
        answers.put("message", http.postJson("/engine-rest/message", Map.of("messageName", "RaiseLevel",
                "businessKey", String.valueOf(id))));
        answers.put("variables", http.postJson("/engine-rest/process-instance/" + instance(id) + "/variables",
                Map.of("modifications", Map.of("level", Map.of("value", "BLUE")))));
        answers.put("method override", http.exchange("POST", "/engine-rest/task/" + sign + "/claim", "application/json",
                "{}".getBytes(), "X-HTTP-Method-Override", "DELETE"));
        answers.put("webapp profile", fx.tasklist(head).putJson("/camunda/api/engine/engine/default/user/" + head
                + "/profile", Map.of("id", head, "firstName", "局长", "lastName", "")));
        answers.forEach((what, r) -> assertThat(r.status()).as(what + ": " + r.body()).isIn(400, 403));
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(1);
        assertThat(admin().get("/engine-rest/user/" + head + "/profile").json().path("firstName").asText())
                .isNotEqualTo("局长");
        assertThat(admin().get("/api/problems/" + id).json().path("level").asText()).isEqualTo("BLUE");
    }

    @Test
    void shouldRegisterThroughTheStartFormWithItsOwnFieldsOnly() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("source", Map.of("value", "CHIEF_MAILBOX"));
        form.put("category", Map.of("value", "CONDUCT"));
        form.put("unitCode", Map.of("value", station));
        form.put("title", Map.of("value", "局长信箱反映" + unique()));
        form.put("description", Map.of("value", "群众来信"));
        for (String owned : List.of("problemId", "level", "requestedLevel", "rectifyDue", "deadlineRules")) {
            Map<String, Object> bad = new LinkedHashMap<>(form);
            bad.put(owned, Map.of("value", 1));
            Http.Response r = fx.as(legal).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                    Map.of("variables", bad));
            assertThat(r.status()).as(owned + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains(owned);
        }
        Http.Response skipping = fx.as(legal).postJson("/engine-rest/process-definition/key/rectification/start",
                Map.of("variables", form, "skipCustomListeners", true, "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Close"))));
        assertThat(skipping.status()).as(skipping.body()).isEqualTo(400);
        assertThat(fx.as(head).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                Map.of("variables", form)).status()).isEqualTo(403);
        Http.Response ok = fx.as(legal).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                Map.of("variables", form));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem WHERE title = ?", Long.class,
                ((Map<?, ?>) form.get("title")).get("value"))).isEqualTo(1);
    }

    @Test
    void shouldFindEveryOpenProblemConsistentWithItsProcessUntilSomeoneWritesAroundIt() {
        long blue = register(false);
        long red = register(true);
        long returned = register(false);
        sign(returned);
        report(returned);
        returnIt(returned);
        List<Long> mine = List.of(blue, red, returned);
        assertThat(consistency.check().mismatches()).filteredOn(m -> mine.contains(m.problemId())).isEmpty();
        Http.Response report = admin().get("/api/admin/consistency");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("checked").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(fx.as(head).get("/api/admin/consistency").status()).isEqualTo(403);

        // the administrator may still write a variable outside any form: the check sees it
        Http.Response written = admin().putJson("/engine-rest/process-instance/" + instance(red) + "/variables/level",
                Map.of("value", "BLUE", "type", "String"));
        assertThat(written.status()).as(written.body()).isEqualTo(204);
        assertThat(consistency.check().mismatches()).filteredOn(m -> m.problemId() == red)
                .extracting(ProcessConsistency.Mismatch::field).containsExactly("level");
        runtime.setVariable(instance(red), "level", "RED");
        assertThat(consistency.check().mismatches()).filteredOn(m -> mine.contains(m.problemId())).isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
