package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An officer of one 派出所 can neither list, claim nor complete a task of another, through
 * the engine REST API and through the Tasklist webapp's API; a bureau leader sees both.
 */
class TaskIsolationIT extends ItSupport {

    private static final String PASSWORD = "officer-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    RepositoryService repository;

    private String unitA;
    private String unitB;
    private String officerA;
    private String officerB;
    private String leader;
    private String taskA;
    private String taskB;

    @BeforeEach
    void twoStationsWithOneTaskEach() {
        String u = unique();
        unitA = "PA" + u;
        unitB = "PB" + u;
        fx.unit(unitA, "甲派出所" + u, "STATION");
        fx.unit(unitB, "乙派出所" + u, "STATION");
        officerA = fx.officer("A" + u, "测试民警", unitA, "OFFICER", false);
        officerB = fx.officer("B" + u, "测试民警", unitB, "OFFICER", false);
        leader = fx.officer("L" + u, "测试民警", unitA, "DEPUTY_LEADER", false);

        BpmnModelInstance model = Bpmn.createExecutableProcess("isolation_probe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Rectify").name("整改").camundaCandidateGroups("unit_${unitCode}")
                .endEvent().done();
        repository.createDeployment().addModelInstance("isolation_probe.bpmn", model).enableDuplicateFiltering(true)
                .deploy();
        taskA = startFor(unitA);
        taskB = startFor(unitB);
    }

    private String startFor(String unit) {
        String instance = runtime.startProcessInstanceByKey("isolation_probe", Map.of("unitCode", unit)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Test
    void shouldListOnlyOwnUnitTasksThroughEngineRest() {
        Http a = fx.as(officerA);
        List<String> ids = ids(a.get("/engine-rest/task?processDefinitionKey=isolation_probe").json());
        assertThat(ids).contains(taskA).doesNotContain(taskB);
        assertThat(a.get("/engine-rest/task/" + taskB).status()).isIn(403, 404);
    }

    @Test
    void shouldNotClaimOrCompleteAnotherUnitsTaskThroughEngineRest() {
        Http a = fx.as(officerA);
        assertThat(a.postJson("/engine-rest/task/" + taskB + "/claim", Map.of("userId", officerA)).status())
                .isIn(403, 404);
        assertThat(a.postJson("/engine-rest/task/" + taskB + "/complete", Map.of()).status()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(taskB).singleResult().getAssignee()).isNull();

        assertThat(a.postJson("/engine-rest/task/" + taskA + "/claim", Map.of("userId", officerA)).status())
                .isEqualTo(204);
        assertThat(a.postJson("/engine-rest/task/" + taskA + "/complete", Map.of()).status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskA).count()).isZero();
    }

    @Test
    void shouldNotListClaimOrCompleteAnotherUnitsTaskInTheTasklist() {
        Http session = fx.tasklist(officerA);
        List<String> ids = ids(session.postJson("/camunda/api/engine/engine/default/task",
                Map.of("processDefinitionKey", "isolation_probe")).json());
        assertThat(ids).contains(taskA).doesNotContain(taskB);

        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + taskB + "/claim",
                Map.of("userId", officerA)).status()).isIn(403, 404);
        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + taskB + "/submit-form",
                Map.of("variables", Map.of())).status()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(taskB).count()).isOne();

        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + taskA + "/claim",
                Map.of("userId", officerA)).status()).isEqualTo(204);
        assertThat(session.postJson("/camunda/api/engine/engine/default/task/" + taskA + "/submit-form",
                Map.of("variables", Map.of())).status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskA).count()).isZero();
    }

    @Test
    void shouldLetALeaderSeeEveryUnitsTasks() {
        List<String> ids = ids(fx.as(leader).get("/engine-rest/task?processDefinitionKey=isolation_probe").json());
        assertThat(ids).contains(taskA, taskB);
        assertThat(fx.as(officerB).get("/engine-rest/task/" + taskB).status()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(t -> t.path("id").asText()).toList();
    }
}
