package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.escalation.ProcessMigrations;

/**
 * Process owners (流程管理员), issue 20: a new version of rectification.bpmn deployed through the
 * engine REST API as the Modeler does (a process owner may, an officer and a unit head may
 * not), running problems moved to it with a dry run and then for real as a batch, each moved
 * problem's timeline told once, its deadlines kept, and the moved problem closed on the new
 * version; a version that removes the task a problem waits in reports it instead of stranding
 * it. All ITs share one engine: the test starts its problems on a version of its own and
 * leaves a copy of the original model as the latest version, whatever happens.
 */
class ProcessOwnerIT extends ItSupport {

    private static final String PASSWORD = "owner-pass-1";
    private static final String KEY = "rectification";
    private static final Path MODEL = Path.of("processes/rectification.bpmn");
    private static final String PROCESS_TAG = "<bpmn:process id=\"rectification\" name=\"整改督办\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"1095\">";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessMigrations migrations;

    private String u;
    private String station;
    private String owner;
    private String officer;
    private String head;
    private String legal;

    @BeforeEach
    void aStationALegalBrigadeAndAProcessOwner() {
        clock.reset();
        u = unique();
        station = "PS" + u;
        String legalUnit = "PL" + u;
        fx.unit(station, "流程测试派出所" + u, "STATION");
        fx.unit(legalUnit, "法制大队" + u, "LEGAL");
        owner = fx.officer("PO" + u, legalUnit, "PROCESS_OWNER");
        officer = fx.officer("PF" + u, station, "OFFICER");
        head = fx.officer("PH" + u, station, "UNIT_HEAD");
        legal = fx.officer("PG" + u, legalUnit, "LEGAL_OFFICER");
    }

    // ---- deployments as the Modeler sends them ------------------------------------------

    /** The model with a documentation of its own: the same flow, a new version. */
    private static String equivalent(String original, String note) {
        assertThat(original).contains(PROCESS_TAG);
        return original.replace(PROCESS_TAG, PROCESS_TAG + "\n    <bpmn:documentation>" + note
                + "</bpmn:documentation>");
    }

    /** POST /engine-rest/deployment/create as the Modeler's deploy button: the model, its forms, the Modeler's fields. */
    private Http.Response deploy(Http as, String name, String bpmn) throws Exception {
        List<EvidenceIT.Part> parts = new ArrayList<>();
        parts.add(EvidenceIT.Part.text("deployment-name", name));
        parts.add(EvidenceIT.Part.text("deployment-source", "Camunda Modeler"));
        parts.add(EvidenceIT.Part.text("enable-duplicate-filtering", "true"));
        parts.add(EvidenceIT.Part.text("deploy-changed-only", "true"));
        parts.add(new EvidenceIT.Part("data", "rectification.bpmn", "application/octet-stream",
                bpmn.getBytes(StandardCharsets.UTF_8)));
        for (String form : formsOf(bpmn)) {
            parts.add(new EvidenceIT.Part(form, form + ".form", "application/octet-stream",
                    Files.readAllBytes(Path.of("processes/forms/" + form + ".form"))));
        }
        return as.postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY,
                EvidenceIT.multipart(parts));
    }

    /** The forms the model binds to its own deployment (formRefBinding="deployment"): they go with it. */
    private static Set<String> formsOf(String bpmn) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher formRef = Pattern.compile("formRef=\"([^\"]+)\"").matcher(bpmn);
        while (formRef.find()) {
            forms.add(formRef.group(1));
        }
        return forms;
    }

    /** Deploys as the process owner (200); the new latest version of the process. */
    private ProcessDefinition deployAsOwner(String name, String bpmn) throws Exception {
        Http.Response deployed = deploy(fx.as(owner), name, bpmn);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(deployed.json().path("deployedProcessDefinitions").size()).isEqualTo(1);
        return latest();
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    }

    // ---- problems ----------------------------------------------------------------------

    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title + u, "流程迁移测试"))
                .path("id").asLong();
    }

    private String instanceOf(long problemId) {
        return jdbc.queryForObject("SELECT process_instance_id FROM problem WHERE id = ?", String.class, problemId);
    }

    private String definitionOf(long problemId) {
        return runtime.createProcessInstanceQuery().processInstanceId(instanceOf(problemId)).singleResult()
                .getProcessDefinitionId();
    }

    /** The due dates of the problem's timers, in order. */
    private List<Date> timers(long problemId) {
        return management.createJobQuery().processInstanceId(instanceOf(problemId)).timers().orderByJobDuedate().asc()
                .list().stream().map(Job::getDuedate).toList();
    }

    private static List<String> texts(JsonNode timeline, String kind) {
        return StreamSupport.stream(timeline.spliterator(), false).filter(e -> kind.equals(e.path("kind").asText()))
                .map(e -> e.path("detail").asText()).toList();
    }

    private JsonNode verdict(JsonNode answer, long problemId) {
        return StreamSupport.stream(answer.path("instances").spliterator(), false)
                .filter(i -> i.path("problemId").asLong() == problemId).findFirst()
                .orElseThrow(() -> new AssertionError("problem " + problemId + " not in " + answer));
    }

    private Http.Response migrate(Http as, Object fromVersion, Object toVersion, Boolean dryRun) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("processKey", KEY);
        body.put("fromVersion", fromVersion);
        body.put("toVersion", toVersion);
        if (dryRun != null) {
            body.put("dryRun", dryRun);
        }
        return as.postJson("/api/admin/processes/migrations", body);
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).toList();
    }

    /**
     * Waits for the job executor to run the batch's jobs (at most two minutes): until the
     * problems are on {@code definitionId}. The batch itself is removed later, by its monitor job.
     */
    private void awaitMigrated(String batchId, String definitionId, long... problemIds) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until && java.util.Arrays.stream(problemIds)
                .anyMatch(id -> !definitionId.equals(definitionOf(id)))) {
            Thread.onSpinWait();
        }
        assertThat(management.createBatchQuery().batchId(batchId).count() + history.createHistoricBatchQuery()
                .batchId(batchId).count()).as("batch %s", batchId).isPositive();
    }

    // ---- the test ------------------------------------------------------------------------

    @Test
    void shouldDeployAsProcessOwnerAndMoveRunningProblemsToTheNewVersion() throws Exception {
        String original = Files.readString(MODEL);
        ProcessDefinition before = latest();
        long waiting;
        long signed;
        try {
            // an officer and a unit head may not deploy; nothing is deployed
            for (String refused : List.of(officer, head)) {
                Http.Response r = deploy(fx.as(refused), "不应部署" + u, equivalent(original, "refused " + u));
                assertThat(r.status()).as(r.body()).isEqualTo(403);
                assertThat(r.json().path("detail").asText()).contains("仅流程管理员和系统管理员可用");
            }
            assertThat(latest().getId()).isEqualTo(before.getId());

            // the process owner deploys a version of his own; the test's problems start on it
            ProcessDefinition a = deployAsOwner("流程管理员测试A" + u, equivalent(original, "流程管理员测试版本 A " + u));
            assertThat(a.getVersion()).isEqualTo(before.getVersion() + 1);
            waiting = register("待签收的问题");
            signed = register("已签收的问题");
            fx.complete(head, signed, "Task_Sign", Map.of("signComment", "已签收"));
            assertThat(definitionOf(waiting)).isEqualTo(a.getId());
            assertThat(definitionOf(signed)).isEqualTo(a.getId());

            // ... and may do nothing else of the administrator's or of the units'
            Http ownerApi = fx.as(owner);
            assertThat(ownerApi.postJson("/engine-rest/user/create", Map.of("profile", Map.of("id", "x" + u,
                    "firstName", "x", "lastName", "y"), "credentials", Map.of("password", "x-password-1"))).status())
                    .isEqualTo(403);
            assertThat(ownerApi.postJson("/engine-rest/group/create", Map.of("id", "g" + u, "name", "g")).status())
                    .isEqualTo(403);
            assertThat(ownerApi.postJson("/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                    List.of("ALL"), "userId", owner, "resourceType", 0, "resourceId", "*")).status()).isEqualTo(403);
            assertThat(ownerApi.delete("/engine-rest/deployment/" + a.getDeploymentId()).status()).isEqualTo(403);
            assertThat(ownerApi.postJson("/engine-rest/migration/execute", Map.of()).status()).isEqualTo(403);
            String sign = Fixtures.task(tasks, waiting, "Task_Sign").getId();
            assertThat(ownerApi.postJson("/engine-rest/task/" + sign + "/complete", Map.of("variables",
                    Map.of("signComment", Map.of("value", "越权签收")))).status()).isEqualTo(403);
            assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(1);
            assertThat(ownerApi.postJson("/api/problems", Fixtures.problem("HOTLINE_12345", station, null,
                    "越权登记" + u, "测试")).status()).isEqualTo(403);
            assertThat(ownerApi.postJson("/api/problems/" + waiting + "/urge", Map.of("comment", "催办")).status())
                    .isIn(403, 404);
            assertThat(ownerApi.get("/api/admin/calendar").status()).isEqualTo(403);
            // he reads the running instances of every unit (Cockpit)
            JsonNode instances = ownerApi.get("/engine-rest/process-instance?processDefinitionId=" + a.getId()).json();
            assertThat(instances.size()).isEqualTo(2);
            assertThat(anonymous().loginToWebapp("cockpit", owner, PASSWORD).status()).isEqualTo(200);
            // an officer may not migrate nor read the versions
            assertThat(migrate(fx.as(officer), a.getVersion(), a.getVersion() + 1, true).status()).isEqualTo(403);
            assertThat(fx.as(officer).get("/api/admin/processes/" + KEY + "/versions").status()).isEqualTo(403);

            // version B: the same flow; bad requests are named
            ProcessDefinition b = deployAsOwner("流程管理员测试B" + u, equivalent(original, "流程管理员测试版本 B " + u));
            assertThat(fields(ownerApi.postJson("/api/admin/processes/migrations", Map.of("processKey", "nope" + u,
                    "fromVersion", 1, "toVersion", 2, "dryRun", true)))).containsExactly("processKey");
            assertThat(fields(migrate(ownerApi, 99999, b.getVersion(), true))).containsExactly("fromVersion");
            assertThat(fields(migrate(ownerApi, b.getVersion(), b.getVersion(), true))).containsExactly("toVersion");
            assertThat(fields(migrate(ownerApi, null, null, true))).containsExactlyInAnyOrder("fromVersion",
                    "toVersion");

            // the dry run: both can move, nothing moves
            List<Date> signedTimers = timers(signed);
            List<Date> waitingTimers = timers(waiting);
            assertThat(signedTimers).isNotEmpty();
            String deadline = fx.problem(legal, signed).path("deadline").asText();
            Http.Response dry = migrate(ownerApi, a.getVersion(), b.getVersion(), true);
            assertThat(dry.status()).as(dry.body()).isEqualTo(200);
            JsonNode dryAnswer = dry.json();
            assertThat(dryAnswer.path("dryRun").asBoolean()).isTrue();
            assertThat(dryAnswer.path("total").asInt()).isEqualTo(2);
            assertThat(dryAnswer.path("movable").asInt()).isEqualTo(2);
            assertThat(dryAnswer.path("batchId").isNull()).isTrue();
            assertThat(verdict(dryAnswer, waiting).path("canMove").asBoolean()).isTrue();
            assertThat(verdict(dryAnswer, signed).path("processInstanceId").asText()).isEqualTo(instanceOf(signed));
            assertThat(definitionOf(waiting)).isEqualTo(a.getId());
            assertThat(timers(signed)).isEqualTo(signedTimers);

            // for real (dryRun left out: false), as a batch the job executor runs
            Http.Response real = migrate(ownerApi, a.getVersion(), b.getVersion(), null);
            assertThat(real.status()).as(real.body()).isEqualTo(200);
            String batchId = real.json().path("batchId").asText();
            assertThat(real.json().path("movable").asInt()).isEqualTo(2);
            awaitMigrated(batchId, b.getId(), waiting, signed);
            assertThat(definitionOf(waiting)).isEqualTo(b.getId());
            assertThat(definitionOf(signed)).isEqualTo(b.getId());
            // the deadlines are kept: the same timers, due when they were
            assertThat(timers(signed)).isEqualTo(signedTimers);
            assertThat(timers(waiting)).isEqualTo(waitingTimers);
            assertThat(fx.problem(legal, signed).path("deadline").asText()).isEqualTo(deadline);
            // the timeline says so, once, however often the check runs
            migrations.settle();
            migrations.settle();
            String entry = "流程版本由 v" + a.getVersion() + " 迁移至 v" + b.getVersion() + "，操作人 民警" + owner + "（"
                    + owner + "）";
            assertThat(texts(fx.problem(legal, waiting).path("timeline"), "MIGRATED")).containsExactly(entry);
            assertThat(texts(fx.problem(legal, signed).path("timeline"), "MIGRATED")).containsExactly(entry);

            // version C removes the signing task the waiting problem is in: reported, not stranded silently
            ProcessDefinition c = deployAsOwner("流程管理员测试C" + u,
                    equivalent(original, "流程管理员测试版本 C " + u).replace("\"Task_Sign\"", "\"Task_SignOff\""));
            JsonNode versions = ownerApi.get("/api/admin/processes/" + KEY + "/versions").json();
            JsonNode versionB = StreamSupport.stream(versions.path("versions").spliterator(), false)
                    .filter(v -> v.path("version").asInt() == b.getVersion()).findFirst().orElseThrow();
            assertThat(versionB.path("runningInstances").asInt()).isEqualTo(2);
            assertThat(versionB.path("stranded").size()).isEqualTo(1);
            assertThat(versionB.path("stranded").get(0).path("activityId").asText()).isEqualTo("Task_Sign");
            assertThat(versionB.path("stranded").get(0).path("activityName").asText()).isEqualTo("签收");
            assertThat(versionB.path("stranded").get(0).path("problemIds").get(0).asLong()).isEqualTo(waiting);
            List<ProcessMigrations.Notice> notices = migrations.reportStrandedVersions();
            assertThat(notices).anySatisfy(n -> {
                assertThat(n.definitionId()).isEqualTo(c.getId());
                assertThat(n.detail()).contains("Task_Sign");
            });
            assertThat(migrations.reportStrandedVersions()).noneMatch(n -> n.definitionId().equals(c.getId()));
            JsonNode listed = ownerApi.get("/api/admin/processes/" + KEY + "/versions").json().path("notices");
            assertThat(StreamSupport.stream(listed.spliterator(), false)
                    .anyMatch(n -> c.getId().equals(n.path("definitionId").asText()))).isTrue();
            JsonNode toC = migrate(ownerApi, b.getVersion(), c.getVersion(), true).json();
            assertThat(verdict(toC, waiting).path("canMove").asBoolean()).isFalse();
            assertThat(verdict(toC, waiting).path("reasons").get(0).asText()).contains("Task_Sign", "签收");
            assertThat(verdict(toC, signed).path("canMove").asBoolean()).isTrue();
            assertThat(toC.path("notMovable").asInt()).isEqualTo(1);
            assertThat(toC.path("stranded").get(0).path("activityId").asText()).isEqualTo("Task_Sign");
        } finally {
            // the original model as the latest version again, for every test after this one
            var restore = repository.createDeployment().name("流程管理员测试后恢复" + u)
                    .addString("rectification.bpmn", original);
            for (String form : formsOf(original)) {
                restore.addString(form + ".form", Files.readString(Path.of("processes/forms/" + form + ".form")));
            }
            restore.deploy();
        }
        assertThat(latest().getVersion()).isGreaterThan(before.getVersion());

        // the moved problem closes on its new version
        long moved = waiting;
        fx.complete(head, moved, "Task_Sign", Map.of("signComment", "已签收"));
        fx.uploadEvidence(moved);
        fx.complete(officer, moved, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
        fx.complete(legal, moved, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        JsonNode closed = fx.problem(legal, moved);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        String definition = history.createHistoricProcessInstanceQuery().processInstanceId(instanceOf(moved))
                .singleResult().getProcessDefinitionId();
        assertThat(repository.getProcessDefinition(definition).getDescription()).contains("流程管理员测试版本 B " + u);
    }

}
