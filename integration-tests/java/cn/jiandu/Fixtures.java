package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The integration tests' set-up over HTTP, in one place: units and officers made by the
 * administrator, logins of those officers (Http Basic and a Tasklist session), problems
 * registered, a problem's task found by its definition key and completed through engine
 * REST with variables. Every step that makes something checks that it was made (201, 204),
 * so a test fails at the step that went wrong, not later.
 * <p>
 * One per test class, with the password that class gives its officers:
 * {@code private final Fixtures fx = new Fixtures(this, PASSWORD);} (the port is read when a
 * request is made, after Spring has set it).
 */
public final class Fixtures {

    private final ItSupport it;
    private final String password;

    public Fixtures(ItSupport it, String password) {
        this.it = it;
        this.password = password;
    }

    /** The password of this class's officers. */
    public String password() {
        return password;
    }

    // ---- the organisation ------------------------------------------------------------

    /** A unit (kind: STATION, LEGAL, BUREAU …), made by the administrator; its code. */
    public String unit(String code, String name, String kind) {
        created(it.admin().postJson("/api/org/units", Map.of("code", code, "name", name, "kind", kind)));
        return code;
    }

    /** An officer named 民警{no} with one role and this class's password; the officer number. */
    public String officer(String no, String unit, String role) {
        return officer(no, "民警" + no, unit, role, false);
    }

    /** An officer named 民警{no} with a DingTalk user id dt{no}, so that messages reach him. */
    public String officerOnDingTalk(String no, String unit, String role) {
        return officer(no, "民警" + no, unit, role, true);
    }

    /**
     * An officer with a name, a role and this class's password; with {@code dingtalk} the
     * DingTalk user id dt{no}. The officer number.
     */
    public String officer(String no, String name, String unit, String role, boolean dingtalk) {
        Map<String, Object> body = new HashMap<>(Map.of("officerNo", no, "name", name, "unitCode", unit,
                "roles", List.of(role), "password", password));
        if (dingtalk) {
            body.put("dingtalkUserId", "dt" + no);
        }
        created(it.admin().postJson("/api/org/officers", body));
        return no;
    }

    // ---- logins ----------------------------------------------------------------------

    /** The officer's Http Basic login. */
    public Http as(String user) {
        return it.as(user, password);
    }

    /** A Tasklist webapp session of the officer (logged in: 200). */
    public Http tasklist(String user) {
        return tasklist(user, password);
    }

    /** A Tasklist webapp session of anyone with a password (the administrator too). */
    public Http tasklist(String user, String password) {
        Http session = it.anonymous();
        assertThat(session.loginToWebapp("tasklist", user, password).status()).as("Tasklist login of " + user)
                .isEqualTo(200);
        return session;
    }

    // ---- problems --------------------------------------------------------------------

    /**
     * The body of a registration: category CASE_FILING, the source, the unit, the officer
     * (left out when null), the title and the description, in this order; a mutable map for the rest.
     */
    public static Map<String, Object> problem(String source, String unit, String officer, String title,
            String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("category", "CASE_FILING");
        body.put("unitCode", unit);
        if (officer != null) {
            body.put("officerNo", officer);
        }
        body.put("title", title);
        body.put("description", description);
        return body;
    }

    /** Registers a problem through POST /api/problems as {@code user} (201); the problem. */
    public JsonNode register(String user, Map<String, Object> body) {
        return register(as(user), body);
    }

    /** Registers a problem through POST /api/problems by the caller (201); the problem. */
    public static JsonNode register(Http by, Map<String, Object> body) {
        return created(by.postJson("/api/problems", body)).json();
    }

    /** The problem as {@code user} reads it through GET /api/problems/{id}. */
    public JsonNode problem(String user, long id) {
        return as(user).get("/api/problems/" + id).json();
    }

    /**
     * The problem as {@code user} reads it, read again until the condition holds (at most a
     * minute: background jobs move it on); the last read, whether it holds or not.
     */
    public JsonNode awaitProblem(String user, long id, Predicate<JsonNode> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode problem = problem(user, id);
        while (!condition.test(problem) && System.nanoTime() < until) {
            Thread.onSpinWait();
            problem = problem(user, id);
        }
        return problem;
    }

    // ---- tasks -----------------------------------------------------------------------

    /** The problem's open tasks that {@code user} sees through engine REST. */
    public JsonNode tasks(String user, long problemId) {
        return as(user).get("/engine-rest/task?processInstanceBusinessKey=" + problemId).json();
    }

    /** The id of the problem's open task {@code key} (Task_Sign, Task_Rectify …) as {@code user} sees it. */
    public String taskId(String user, long problemId, String key) {
        JsonNode tasks = tasks(user, problemId);
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(t -> key.equals(t.path("taskDefinitionKey").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(key + " of problem " + problemId + " for " + user + ": " + tasks))
                .path("id").asText();
    }

    /** The problem's open task {@code key}, through the engine's Java API (not null). */
    public static Task task(TaskService tasks, long problemId, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(problemId))
                .taskDefinitionKey(key).singleResult();
        assertThat(task).as("%s of problem %s", key, problemId).isNotNull();
        return task;
    }

    /**
     * Uploads a photo as the problem's evidence (整改佐证材料) as {@code user} (201): 整改 is
     * reported done only with evidence. Uploaded by the administrator.
     */
    public void uploadEvidence(long problemId) {
        Http.Response r = it.admin().postRaw("/api/problems/" + problemId + "/evidence",
                "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY, EvidenceIT.multipart(
                        java.util.List.of(EvidenceIT.Part.file("整改照片.png", cn.jiandu.evidence.EvidenceSamples.png()))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Finds the problem's task {@code key} as {@code user} and completes it with the variables (204). */
    public void complete(String user, long problemId, String key, Map<String, Object> variables) {
        completeTask(user, taskId(user, problemId, key), variables);
    }

    /** Completes the task through POST /engine-rest/task/{id}/complete as {@code user} (204). */
    public void completeTask(String user, String taskId, Map<String, Object> variables) {
        Http.Response response = as(user).postJson("/engine-rest/task/" + taskId + "/complete",
                variables(variables));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** An engine REST body {"variables": {name: {"value": value}, …}}, in the given order. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return Map.of("variables", typed);
    }

    /** The same from names and values: variables("a", 1, "b", "x"), in this order. */
    public static Map<String, Object> variables(Object... nameValue) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            values.put((String) nameValue[i], nameValue[i + 1]);
        }
        return variables(values);
    }

    // ---- answers ---------------------------------------------------------------------

    /** The response, after checking it is 201 Created. */
    public static Http.Response created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }
}
