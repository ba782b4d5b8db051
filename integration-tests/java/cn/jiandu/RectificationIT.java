package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.escalation.DeadlineTables;
import cn.jiandu.level.Level;

/**
 * The rectification process end to end, through HTTP only: register, move the clock, and
 * see the level, the documents, the tasks in the right unit's Tasklist and the timeline.
 */
class RectificationIT extends ItSupport {

    private static final String PASSWORD = "rectify-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String otherStation;
    private String head;
    private String officer;
    private String stranger;
    private String legal;
    private String inspector;

    @BeforeEach
    void aBureauWithTwoStations() {
        String u = unique();
        station = "RS" + u;
        otherStation = "RO" + u;
        String legalUnit = "RL" + u;
        fx.unit(station, "测试派出所" + u, "STATION");
        fx.unit(otherStation, "邻近派出所" + u, "STATION");
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        head = fx.officer("H" + u, station, "UNIT_HEAD");
        officer = fx.officer("O" + u, station, "OFFICER");
        stranger = fx.officer("S" + u, otherStation, "OFFICER");
        legal = fx.officer("L" + u, legalUnit, "LEGAL_OFFICER");
        inspector = fx.officer("D" + u, legalUnit, "DISCIPLINE_INSPECTOR");
    }

    @AfterEach
    void clockBackToNow() {
        admin().postJson("/api/admin/clock", Map.of("now", OffsetDateTime.now().toString()));
    }

    private JsonNode register(String title, boolean sensitive) {
        Map<String, Object> body = Fixtures.problem("HOTLINE_12345", station, officer, title,
                "群众反映报警后一周未收到受案回执。");
        body.put("occurredAt", "2026-03-01T08:30:00+08:00");
        body.put("sensitive", sensitive);
        return fx.register(legal, body);
    }

    private JsonNode problem(long id) {
        return fx.problem(legal, id);
    }

    private JsonNode awaitProblem(long id, Predicate<JsonNode> condition) {
        return fx.awaitProblem(legal, id, condition);
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Test
    void shouldWalkAProblemFromRegistrationThroughYellowToClosed() {
        JsonNode registered = register("受案登记表未开具受案回执", false);
        long id = registered.path("id").asLong();
        assertThat(registered.path("level").asText()).isEqualTo("BLUE");
        assertThat(registered.path("status").asText()).isEqualTo("OPEN");
        assertThat(values(registered.path("documents"), "type")).containsExactly("ADVICE");
        assertThat(registered.path("documents").get(0).path("number").asText()).matches(".+法建字〔\\d{4}〕第\\d{3,}号");
        assertThat(values(registered.path("timeline"), "kind")).contains("REGISTERED", "LEVEL", "DOCUMENT", "TASK_CREATED");
        assertThat(registered.path("deadline").isNull()).isFalse();

        // the unit's Tasklist has the signing task, named with level and problem, due at the signing deadline
        JsonNode signTasks = fx.tasks(head, id);
        assertThat(signTasks).hasSize(1);
        assertThat(signTasks.get(0).path("name").asText()).isEqualTo("【蓝色预警】签收：受案登记表未开具受案回执");
        assertThat(OffsetDateTime.parse(signTasks.get(0).path("due").asText().replaceFirst("(\\+\\d\\d)(\\d\\d)$", "$1:$2")).toInstant())
                .isEqualTo(OffsetDateTime.parse(registered.path("signDeadline").asText()).toInstant());
        assertThat(fx.tasks(stranger, id)).isEmpty();
        assertThat(fx.as(stranger).get("/api/problems/" + id).status()).isEqualTo(404);

        // only the unit head signs
        String signTask = signTasks.get(0).path("id").asText();
        assertThat(fx.as(officer).postJson("/engine-rest/task/" + signTask + "/complete", Map.of()).status()).isEqualTo(403);
        assertThat(fx.as(head).postJson("/engine-rest/task/" + signTask + "/complete", Map.of("variables",
                Map.of("signComment", Map.of("value", "已签收")))).status()).isEqualTo(204);
        assertThat(problem(id).path("status").asText()).isEqualTo("RECTIFYING");

        // the reminder before the deadline (deadlines.dmn: 48 hours ahead for blue)
        OffsetDateTime deadline = OffsetDateTime.parse(registered.path("deadline").asText());
        assertThat(admin().postJson("/api/admin/clock", Map.of("now", deadline.minusHours(47).toString())).status())
                .isEqualTo(200);
        JsonNode reminded = awaitProblem(id, p -> values(p.path("timeline"), "kind").contains("REMINDER"));
        assertThat(values(reminded.path("timeline"), "kind")).contains("REMINDER");
        assertThat(reminded.path("level").asText()).isEqualTo("BLUE");

        // two weeks pass without rectification: urged, supervised, raised to yellow
        OffsetDateTime later = OffsetDateTime.now().plusDays(16);
        assertThat(admin().postJson("/api/admin/clock", Map.of("now", later.toString())).status()).isEqualTo(200);
        JsonNode yellow = awaitProblem(id, p -> "YELLOW".equals(p.path("level").asText()));
        assertThat(yellow.path("level").asText()).isEqualTo("YELLOW");
        assertThat(values(yellow.path("documents"), "type")).containsExactly("ADVICE", "CORRECTION_NOTICE");
        assertThat(values(yellow.path("timeline"), "kind")).contains("REMINDER", "URGE", "SUPERVISE", "SCORE");
        assertThat(OffsetDateTime.parse(yellow.path("deadline").asText())).isAfter(later);

        // the officer sees the yellow rectification in the Tasklist webapp; the stranger does not
        Http tasklist = fx.tasklist(officer);
        JsonNode visible = tasklist.postJson("/camunda/api/engine/engine/default/task",
                Map.of("processInstanceBusinessKey", String.valueOf(id))).json();
        assertThat(values(visible, "name")).containsExactly("【黄色预警】整改：受案登记表未开具受案回执");
        assertThat(values(fx.tasks(inspector, id), "taskDefinitionKey")).contains("Task_DisciplineTalk");

        fx.uploadEvidence(id);
        String rectify = visible.get(0).path("id").asText();
        assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task/" + rectify + "/submit-form",
                Map.of("variables", Map.of("rectifyOutcome", Map.of("value", "DONE"),
                        "rectificationReport", Map.of("value", "已补开受案回执并告知报警人")))).status()).isEqualTo(204);
        assertThat(problem(id).path("status").asText()).isEqualTo("REVIEWING");

        String review = fx.taskId(legal, id, "Task_Review");
        assertThat(fx.as(legal).postJson("/engine-rest/task/" + review + "/complete", Map.of("variables",
                Map.of("reviewDecision", Map.of("value", "APPROVE")))).status()).isEqualTo(204);
        JsonNode closed = problem(id);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(values(closed.path("timeline"), "kind")).contains("SIGNED", "REPORTED", "APPROVED", "CLOSED");
    }

    @Test
    void shouldStartRedWhenSensitiveWithASupervisionOrder() {
        JsonNode red = register("出警民警与群众发生冲突，视频在网上传播", true);
        assertThat(red.path("level").asText()).isEqualTo("RED");
        assertThat(values(red.path("documents"), "type")).containsExactly("SUPERVISION_ORDER");
        Http.Response page = fx.as(legal).get("/api/problems?level=RED&unitCode=" + station + "&page=0&size=5");
        assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownReferencesNamingTheField() {
        Map<String, Object> body = new HashMap<>(Map.of("source", "CARRIER_PIGEON", "category", "CASE_FILING",
                "unitCode", station, "title", "t", "description", "d"));
        Http.Response response = fx.as(legal).postJson("/api/problems", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(values(response.json().path("errors"), "field")).containsExactly("source");
        body.put("source", "HOTLINE_12345");
        body.put("unitCode", "NOWHERE");
        assertThat(values(fx.as(legal).postJson("/api/problems", body).json().path("errors"), "field"))
                .containsExactly("unitCode");
        assertThat(fx.as(officer).postJson("/api/problems", body).status()).isEqualTo(403);
        assertThat(values(anonymousSafe("/api/reference/sources"), "code")).contains("HOTLINE_12345",
                "HOTLINE_12389", "PROCURATORIAL_SUPERVISION", "RULE_WARNING");
        assertThat(values(anonymousSafe("/api/reference/categories"), "name")).contains("接处警", "受立案", "日常督察",
                "执法考评", "网上巡查", "警务回访", "案件审核");
    }

    @Test
    void shouldGiveEveryRoleItsChineseTasklistFilters() {
        List<String> officerFilters = values(fx.as(officer).get("/engine-rest/filter?resourceType=Task").json(), "name");
        assertThat(officerFilters).contains("我的待办", "今日到期", "已超期", "跟进提醒")
                .doesNotContain("本单位待签收"); // the unit head signs: TasklistRolesIT
        assertThat(values(fx.as(legal).get("/engine-rest/filter?resourceType=Task").json(), "name"))
                .contains("我的待办", "已超期", "红色督办");
        JsonNode mine = StreamSupport.stream(fx.as(legal).get("/engine-rest/filter?resourceType=Task").json().spliterator(),
                false).filter(f -> "我的待办".equals(f.path("name").asText())).findFirst().orElseThrow();
        assertThat(fx.as(legal).get("/engine-rest/filter/" + mine.path("id").asText() + "/list").status()).isEqualTo(200);
    }

    @Test
    void shouldUrgeByHandNoMoreOftenThanAllowedAndRaiseOnALeadersWord() {
        long id = register("办案区视频未全程录像", false).path("id").asLong();
        Http.Response first = fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of("comment", "请尽快整改"));
        assertThat(first.status()).isEqualTo(200);
        Http.Response again = fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(fx.as(officer).postJson("/api/problems/" + id + "/urge", Map.of()).status()).isEqualTo(403);

        Http.Response raised = admin().postJson("/api/problems/" + id + "/raise", Map.of("comment", "群众多次反映"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        JsonNode problem = problem(id);
        assertThat(problem.path("level").asText()).isEqualTo("YELLOW");
        assertThat(values(problem.path("documents"), "type")).containsExactly("ADVICE", "CORRECTION_NOTICE");
        assertThat(values(problem.path("timeline"), "kind")).contains("MANUAL_URGE", "LEVEL");
        assertThat(fx.as(officer).postJson("/api/problems/" + id + "/raise", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void shouldPauseTheRectificationClockOnlyWithTheCaptainsLeave() {
        long id = register("涉案财物未按期移交", false).path("id").asLong();
        String captain = fx.officer("C" + unique(), station, "LEGAL_CAPTAIN");
        fx.complete(head, id, "Task_Sign", Map.of());
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "WAIT", "pauseReason", "AWAIT_INSTRUCTION",
                "pauseDetail", "需请示分管局领导"));
        assertThat(problem(id).path("status").asText()).isEqualTo("RECTIFYING");
        fx.complete(captain, id, "Task_ApprovePause", Map.of("pauseDecision", "APPROVE"));
        assertThat(problem(id).path("status").asText()).isEqualTo("PAUSED");
        assertThat(values(problem(id).path("timeline"), "kind")).contains("PAUSE_REQUESTED", "PAUSE_APPROVED", "PAUSED");
        fx.complete(officer, id, "Task_AwaitInstruction", Map.of("instructionSummary", "同意移交"));
        JsonNode resumed = problem(id);
        assertThat(values(resumed.path("timeline"), "kind")).contains("RESUMED");
        assertThat(resumed.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(resumed.path("level").asText()).isEqualTo("BLUE");
    }

    @Test
    void shouldRegisterFromTheTasklistStartForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("source", Map.of("value", "CHIEF_MAILBOX"));
        form.put("category", Map.of("value", "CONDUCT"));
        form.put("unitCode", Map.of("value", station));
        form.put("officerNo", Map.of("value", officer));
        form.put("title", Map.of("value", "局长信箱反映民警接警态度生硬"));
        form.put("description", Map.of("value", "来信人称报警时接警民警态度生硬。"));
        form.put("occurredAt", Map.of("value", "2026-03-02T10:15+08:00"));
        form.put("sensitive", Map.of("value", false));
        Http.Response started = fx.as(legal).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                Map.of("variables", form));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long id = Long.parseLong(started.json().path("businessKey").asText());
        JsonNode problem = problem(id);
        assertThat(problem.path("title").asText()).isEqualTo("局长信箱反映民警接警态度生硬");
        assertThat(problem.path("registeredBy").asText()).isEqualTo(legal);
        assertThat(problem.path("occurredAt").asText()).startsWith("2026-03-02T10:15");
        assertThat(values(problem.path("documents"), "type")).containsExactly("ADVICE");
        assertThat(fx.as(officer).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                Map.of("variables", form)).status()).isEqualTo(403);
    }

    @Autowired
    RepositoryService repository;

    @Test
    void shouldApplyAChangedDeadlineTableToNewProblemsOnly() throws Exception {
        long old = register("旧规则下登记的问题", false).path("id").asLong();
        OffsetDateTime oldDeadline = OffsetDateTime.parse(problem(old).path("deadline").asText());
        String original = Files.readString(Path.of("processes/deadlines.dmn"));
        OffsetDateTime oldSignDeadline = OffsetDateTime.parse(problem(old).path("signDeadline").asText());
        // the period in the first table (整改期限), the signing hours in another (签收时限) of the same file
        String longer = original.replace("<outputEntry id=\"Rule_Blue_periodAmount\"><text>5</text>",
                "<outputEntry id=\"Rule_Blue_periodAmount\"><text>15</text>")
                .replace("<outputEntry id=\"RuleSign_Blue_signHours\"><text>24</text>",
                        "<outputEntry id=\"RuleSign_Blue_signHours\"><text>72</text>");
        assertThat(longer).isNotEqualTo(original).contains("<text>15</text>", "<text>72</text>");
        repository.createDeployment().name("process owner changes deadlines")
                .addString("deadlines.dmn", longer).deploy();
        try {
            long fresh = register("新规则下登记的问题", false).path("id").asLong();
            OffsetDateTime freshDeadline = OffsetDateTime.parse(problem(fresh).path("deadline").asText());
            assertThat(Duration.between(oldDeadline, freshDeadline).toDays()).isGreaterThanOrEqualTo(10);
            OffsetDateTime freshSignDeadline = OffsetDateTime.parse(problem(fresh).path("signDeadline").asText());
            assertThat(Duration.between(oldSignDeadline, freshSignDeadline).toHours()).isGreaterThanOrEqualTo(47);

            // the old problem, returned at blue, turns yellow by the yellow rule it started with
            fx.complete(head, old, "Task_Sign", Map.of());
            fx.uploadEvidence(old);
            fx.complete(officer, old, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
            fx.complete(legal, old, "Task_Review", Map.of("reviewDecision", "RETURN", "reviewComment", "整改不到位"));
            JsonNode returned = problem(old);
            assertThat(returned.path("repeatCount").asInt()).isEqualTo(1);
            assertThat(returned.path("level").asText()).isEqualTo("YELLOW");
        } finally {
            repository.createDeployment().name("deadlines restored").addString("deadlines.dmn", original).deploy();
        }
    }

    @Autowired
    DeadlineTables deadlineTables;

    @Test
    void shouldCheckACandidateDeadlineFileWithTheEngineWithoutDeployingIt() throws Exception {
        long deployed = repository.createDecisionDefinitionQuery().count();
        byte[] file = Files.readAllBytes(Path.of("processes/deadlines.dmn"));
        DeadlineTables.Candidate candidate = deadlineTables.candidate(file);
        assertThat(candidate.rules("CASE_FILING").get(Level.BLUE).periodAmount()).isEqualTo(5);
        assertThat(candidate.rules("COERCIVE_MEASURE").get(Level.RED).signHours()).isEqualTo(2);
        String broken = new String(file, StandardCharsets.UTF_8).replace("<text>\"RED\"</text>",
                "<text>\"PURPLE\"</text>");
        assertThatThrownBy(() -> deadlineTables.candidate(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("红色预警（RED）命中 0 条规则");
        assertThat(repository.createDecisionDefinitionQuery().count()).as("nothing deployed").isEqualTo(deployed);
    }

    private JsonNode anonymousSafe(String path) {
        return fx.as(officer).get(path).json();
    }

    @Test
    void shouldNumberFiftyConcurrentRegistrationsWithoutGapsOrDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            Callable<JsonNode> call = () -> {
                start.await();
                return register("并发登记问题" + n, false);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> sequences = new ArrayList<>();
        for (Future<JsonNode> future : futures) {
            String number = future.get().path("documents").get(0).path("number").asText();
            sequences.add(Integer.parseInt(number.replaceAll(".*第(\\d+)号", "$1")));
        }
        pool.shutdown();
        assertThat(sequences).doesNotHaveDuplicates();
        int min = sequences.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = sequences.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(max - min).as("gap-free").isEqualTo(49);
    }
}
