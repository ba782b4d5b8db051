package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may call which endpoint of the engine's REST API: what the Tasklist needs is open to
 * every supervised person, what would let him steer a follow-up himself (variables,
 * messages, signals, errors from tasks, modification …) is the administrator's alone.
 */
class EngineApiAllowListTest {

    private record Caller(String who, List<String> groupIds) {
        @Override
        public String toString() {
            return who + " " + groupIds;
        }
    }

    private static final Caller UNIT_HEAD = new Caller("unit head", List.of("UNIT_HEAD", "unit_CGPCS", "head_CGPCS"));
    private static final Caller OFFICER = new Caller("officer", List.of("OFFICER", "unit_CGPCS"));
    private static final Caller LEGAL_OFFICER = new Caller("legal officer", List.of("LEGAL_OFFICER", "unit_FZDD"));
    private static final Caller PROCESS_OWNER = new Caller("process owner", List.of("PROCESS_OWNER", "unit_FZDD"));
    private static final Caller CAMUNDA_ADMIN = new Caller("camunda admin", List.of("camunda-admin"));
    private static final Caller JIANDU_ADMIN = new Caller("jiandu admin", List.of("ADMIN"));

    private static final List<Caller> SUPERVISED = List.of(UNIT_HEAD, OFFICER, LEGAL_OFFICER);

    private static boolean allows(Caller caller, String method, String path) {
        return EngineApiAllowList.allows(method, path, caller.groupIds());
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "GET, task",
            "GET, task/count",
            "GET, task/42/form-variables",
            "GET, task/42/deployed-form",
            "HEAD, task",
            "GET, filter",
            "GET, engine",
            "GET, version",
            "GET, history/task",
            "POST, task",
            "POST, task/count",
            "POST, filter/abc/list",
            "POST, filter/abc/count",
            "POST, task/42/claim",
            "POST, task/42/unclaim",
            "POST, task/42/complete",
            "POST, task/42/submit-form",
            "POST, task/42/comment/create",
            "POST, history/task",
            "POST, history/task/count",
            "POST, history/process-instance",
    })
    void shouldAllowWhatTheTasklistNeedsToEveryone(String method, String path) {
        assertThat(SUPERVISED).allSatisfy(caller -> assertThat(allows(caller, method, path))
                .as("%s may call %s /%s", caller, method, path).isTrue());
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "POST, signal",
            "POST, condition",
            "POST, message",
            "POST, external-task/fetchAndLock",
            "POST, task/42/resolve",
            "POST, task/42/bpmnError",
            "POST, task/42/bpmnEscalation",
            "DELETE, task/42",
            "PUT, task/42",
            "PUT, user/200002/profile",
            "PUT, user/200002/credentials",
            "POST, user/create",
            "POST, group/create",
            "POST, authorization/create",
            "POST, process-instance/pi1/variables",
            "PUT, process-instance/pi1/variables/level",
            "DELETE, process-instance/pi1/variables/level",
            "POST, task/42/variables",
            "PUT, task/42/variables/signComment",
            "PUT, task/42/localVariables/level",
            "POST, process-instance/pi1/modification",
            "POST, process-instance/pi1/suspended",
            "PUT, process-instance/suspended",
            "DELETE, process-instance/pi1",
            "POST, process-instance/delete",
            "POST, history/process-instance/delete",
            "DELETE, history/process-instance/pi1",
            "POST, deployment/create",
            "DELETE, deployment/d1",
            "PUT, job/j1/duedate",
            "POST, job/j1/execute",
            "PUT, job/j1/retries",
            "POST, task/42/assignee",
            "POST, task/42/delegate",
            "POST, task/42/identity-links",
            "POST, task/create",
            "POST, execution/e1/messageSubscriptions/RaiseLevel/trigger",
            "POST, process-definition/key/rectification/submit-form",
            "POST, process-definition/key/rectification/start",
            "POST, process-definition/rectification:1:abc/submit-form",
            "POST, task/42/complete/extra",
            "PATCH, task/42",
            "OPTIONS, task",
    })
    void shouldRefuseEverythingElseToTheSupervisedUnits(String method, String path) {
        assertThat(List.of(UNIT_HEAD, OFFICER)).allSatisfy(caller -> assertThat(allows(caller, method, path))
                .as("%s may not call %s /%s", caller, method, path).isFalse());
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "POST, signal",
            "POST, condition",
            "POST, message",
            "POST, external-task/fetchAndLock",
            "POST, task/42/resolve",
            "POST, task/42/bpmnError",
            "POST, task/42/bpmnEscalation",
            "DELETE, task/42",
            "PUT, user/200002/profile",
            "PUT, user/200002/credentials",
            "POST, process-instance/pi1/variables",
            "PUT, process-instance/pi1/variables/level",
            "POST, task/42/variables",
            "POST, process-instance/pi1/modification",
            "POST, history/process-instance/delete",
            "POST, deployment/create",
            "PUT, job/j1/duedate",
    })
    void shouldRefuseTheEngineControlsToALegalOfficerToo(String method, String path) {
        assertThat(allows(LEGAL_OFFICER, method, path)).isFalse();
    }

    @Test
    void shouldLetOnlyAProcessOwnerDeployBesidesTheAdministrator() {
        assertThat(allows(PROCESS_OWNER, "POST", "deployment/create")).isTrue();
        for (Caller other : SUPERVISED) {
            assertThat(allows(other, "POST", "deployment/create")).as(other.toString()).isFalse();
        }
        assertThat(EngineApiAllowList.reservedFor("POST", "deployment/create")).isEqualTo("流程管理员");
        assertThat(EngineApiAllowList.reservedFor("DELETE", "deployment/d1")).isNull();
        // a process owner who is also a unit's officer keeps that role's rows
        assertThat(allows(new Caller("owner and officer", List.of("PROCESS_OWNER", "OFFICER", "unit_CGPCS")),
                "POST", "deployment/create")).isTrue();
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "DELETE, deployment/d1",
            "POST, deployment/d1/redeploy",
            "POST, user/create",
            "POST, group/create",
            "POST, authorization/create",
            "PUT, authorization/a1",
            "POST, tenant/create",
            "POST, migration/execute",
            "POST, migration/executeAsync",
            "POST, process-instance/pi1/modification",
            "DELETE, process-instance/pi1",
            "PUT, process-instance/pi1/variables/level",
            "POST, task/42/assignee",
            "POST, process-definition/key/rectification/start",
            "PUT, process-definition/key/rectification/suspended",
            "POST, message",
    })
    void shouldRefuseAProcessOwnerEverythingButDeployingAndReading(String method, String path) {
        assertThat(allows(PROCESS_OWNER, method, path)).isFalse();
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "POST, process-definition/key/rectification/submit-form",
            "POST, process-definition/key/rectification/start",
            "POST, process-definition/rectification:1:abc/submit-form",
            "POST, process-definition/rectification:1:abc/start",
    })
    void shouldLetOnlyALegalOfficerStartAProcessWithItsStartForm(String method, String path) {
        assertThat(allows(LEGAL_OFFICER, method, path)).isTrue();
        assertThat(allows(UNIT_HEAD, method, path)).isFalse();
        assertThat(allows(OFFICER, method, path)).isFalse();
    }

    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
            "POST, signal",
            "POST, message",
            "POST, task/42/bpmnError",
            "POST, task/42/resolve",
            "DELETE, task/42",
            "PUT, user/200002/credentials",
            "POST, process-instance/pi1/variables",
            "POST, process-instance/pi1/modification",
            "POST, deployment/create",
            "PUT, job/j1/duedate",
            "POST, process-definition/key/rectification/start",
            "GET, task",
            "POST, task/42/complete",
    })
    void shouldLetAnAdministratorCallEverything(String method, String path) {
        assertThat(allows(CAMUNDA_ADMIN, method, path)).isTrue();
        assertThat(allows(JIANDU_ADMIN, method, path)).isTrue();
    }

    @Test
    void shouldNotTreatAUnitGroupNamedLikeARoleAsAnAdministrator() {
        assertThat(EngineApiAllowList.isAdministrator(List.of("unit_ADMIN", "head_camunda-admin"))).isFalse();
        assertThat(EngineApiAllowList.isAdministrator(List.of())).isFalse();
    }

    @Test
    void shouldRefuseAMethodNameInLowerCase() {
        assertThat(allows(UNIT_HEAD, "post", "task/42/complete")).isFalse();
        assertThat(allows(UNIT_HEAD, "get", "task")).isFalse();
    }

    @Test
    void shouldMapTheEngineRestPathsBelowTheEngineRoot() {
        assertThat(EngineApiGuard.enginePath("/engine-rest/task")).isEqualTo("task");
        assertThat(EngineApiGuard.enginePath("/engine-rest/task/")).isEqualTo("task");
        assertThat(EngineApiGuard.enginePath("/engine-rest/task/1/complete/")).isEqualTo("task/1/complete");
        assertThat(EngineApiGuard.enginePath("/engine-rest/engine/default/task/1/complete"))
                .isEqualTo("task/1/complete");
        assertThat(EngineApiGuard.enginePath("/engine-rest/engine/default/task/1/complete/"))
                .isEqualTo("task/1/complete");
        assertThat(EngineApiGuard.enginePath("/engine-rest/engine")).isEqualTo("engine");
        assertThat(EngineApiGuard.enginePath("/engine-rest/engine/")).isEqualTo("engine");
        assertThat(EngineApiGuard.enginePath("/engine-rest")).isEmpty();
        assertThat(EngineApiGuard.enginePath("/engine-rest/")).isEmpty();
    }

    @Test
    void shouldMapTheWebappsEnginePathsBelowTheEngineRoot() {
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine/default/task")).isEqualTo("task");
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine/default/task/")).isEqualTo("task");
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine/default/filter/abc/list"))
                .isEqualTo("filter/abc/list");
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine/default/task/1/submit-form"))
                .isEqualTo("task/1/submit-form");
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine/")).isEqualTo("engine");
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/engine")).isEqualTo("engine");
    }

    @Test
    void shouldNotMapPathsOutsideTheEngineApi() {
        assertThat(EngineApiGuard.enginePath("/api/problems")).isNull();
        assertThat(EngineApiGuard.enginePath("/engine-restful/task")).isNull();
        assertThat(EngineApiGuard.enginePath("/camunda/api/engine/enginex/default/task")).isNull();
        assertThat(EngineApiGuard.enginePath("/camunda/api/admin/auth/user/default")).isNull();
        assertThat(EngineApiGuard.enginePath("/camunda/app/tasklist/")).isNull();
        assertThat(EngineApiGuard.enginePath("/")).isNull();
        assertThat(EngineApiGuard.enginePath("")).isNull();
    }

    @org.junit.jupiter.api.Test
    void shouldLetOnlyALegalOfficerHandATaskToSomeone() {
        assertThat(allows(LEGAL_OFFICER, "POST", "task/42/assignee")).isTrue();
        assertThat(allows(UNIT_HEAD, "POST", "task/42/assignee")).isFalse();
        assertThat(allows(OFFICER, "POST", "task/42/assignee")).isFalse();
    }

    /** Calls the Tasklist and the Cockpit make for an ordinary user (seen in a browser walk). */
    @ParameterizedTest
    @CsvSource({
            "OPTIONS, filter",
            "OPTIONS, filter/122ac420",
            "GET, case-definition/count",
            "GET, batch/statistics",
            "GET, external-task/count",
            "POST, external-task/count",
            "POST, group",
            "POST, task/42/claim",
            "POST, filter/122ac420/list"})
    void shouldAllowWhatTheWebappsNeed(String method, String path) {
        assertThat(EngineApiAllowList.allows(method, path, List.of("OFFICER", "unit_CGPCS"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "PUT, task/42",
                        "OPTIONS, task/42",
            "OPTIONS, process-instance",
            "PUT, process-instance/7/variables/level",
            "DELETE, process-instance/7",
            "POST, external-task/fetchAndLock",
            "POST, external-task/9/complete",
            "PUT, batch/3/suspended",
            "DELETE, batch/3",
            "POST, group/create",
            "GET, case-definition",
            "POST, message",
            "POST, process-definition/key/rectification/start"})
    void shouldRefuseTheWebappsWritesAndWhatNobodyNeeds(String method, String path) {
        assertThat(EngineApiAllowList.allows(method, path, List.of("OFFICER", "unit_CGPCS"))).isFalse();
    }

    @Test
    void shouldRefuseAMachineAccountEveryEndpointEvenWithAnotherRole() {
        for (List<String> groups : List.of(List.of("INTAKE", "unit_FZDD"), List.of("INTAKE", "ADMIN"),
                List.of("INTAKE", "LEGAL_OFFICER", "camunda-admin"))) {
            for (String call : List.of("GET engine", "GET task", "POST task", "POST task/42/claim",
                    "POST task/42/complete", "GET process-definition", "POST process-definition/key/rectification/start",
                    "GET history/task", "GET user")) {
                String[] parts = call.split(" ");
                assertThat(EngineApiAllowList.allows(parts[0], parts[1], groups)).as(groups + " " + call).isFalse();
            }
        }
    }
}
