package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

import cn.jiandu.security.FormSubmissionPolicy.Refusal;
import cn.jiandu.security.FormSubmissionPolicy.Submitted;
import cn.jiandu.security.FormSubmissionPolicy.Verdict;

/**
 * What a person may submit through the deployed forms of rectification.bpmn: the forms are
 * the real ones from processes/forms, read as the engine serves them.
 */
class TaskSubmissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FormService formService = mock(FormService.class);
    private final TaskService taskService = mock(TaskService.class);
    private final TaskSubmissions submissions = new TaskSubmissions(formService, taskService,
            mock(RepositoryService.class), mock(IdentityService.class), JSON, meters, mock(Transfers.class),
            mock(RectifyEvidence.class), mock(RegistrationChoices.class), mock(IntakeChecks.class), 4000);

    private static FormFields form(String name) throws IOException {
        try (InputStream form = TaskSubmissionsTest.class.getClassLoader()
                .getResourceAsStream("processes/forms/" + name + ".form")) {
            assertThat(form).as("processes/forms/%s.form on the classpath", name).isNotNull();
            return FormFields.parse(form, JSON);
        }
    }

    private Verdict judge(String form, Map<String, Submitted> variables) throws IOException {
        return submissions.judge(form, form(form), variables, Rectification.ENGINE_OWNED);
    }

    private Verdict judgeStart(Map<String, Submitted> variables) throws IOException {
        return submissions.judge("rectification start", form("register-problem"), variables,
                Rectification.ENGINE_OWNED_AT_START);
    }

    /** As the Tasklist sends it: {"value": …, "type": "String"}. */
    private static Submitted string(String value) {
        return new Submitted("String", TextNode.valueOf(value), false);
    }

    private static Submitted typed(String type, JsonNode value) {
        return new Submitted(type, value, false);
    }

    /** {"value": …} without a type: the engine takes the value's JSON kind. */
    private static Submitted untyped(JsonNode value) {
        return new Submitted(null, value, false);
    }

    private static List<String> refused(Verdict verdict) {
        return verdict.refusals().stream().map(Refusal::name).toList();
    }

    private static String messageOf(Verdict verdict, String name) {
        return verdict.refusals().stream().filter(r -> r.name().equals(name)).map(Refusal::message)
                .findFirst().orElseThrow(() -> new AssertionError(name + " was not refused: " + verdict));
    }

    @Test
    void shouldReadOnlyTheEnabledKeyedInputsOfAForm() throws IOException {
        assertThat(form("sign").fields()).containsOnlyKeys("signComment", "signOutcome", "transferReason",
                "suggestedUnitCode");
        assertThat(form("decide-transfer").fields()).containsOnlyKeys("transferDecision", "transferUnitCode",
                "transferComment");
        assertThat(form("sign").field("signComment").maxLength()).isEqualTo(1000);
        assertThat(form("sign").field("signComment").kind()).isEqualTo(FormFields.Kind.TEXT);
        assertThat(form("rectify").fields()).containsOnlyKeys("rectifyOutcome", "rectificationReport", "pauseReason",
                "pauseDetail");
        assertThat(form("rectify").field("pauseReason").values()).containsExactlyInAnyOrder("AWAIT_INSTRUCTION",
                "AWAIT_EXTERNAL", "OTHER");
        assertThat(form("approve-pause").fields()).containsOnlyKeys("pauseDecision", "pauseComment");
        assertThat(form("approve-pause").field("pauseDecision").values()).containsExactlyInAnyOrder("APPROVE",
                "REJECT");
        assertThat(form("rectify").field("rectifyOutcome").values()).containsExactlyInAnyOrder("DONE", "WAIT");
        assertThat(form("review").fields()).containsOnlyKeys("reviewDecision", "reviewComment");
        assertThat(form("discipline-talk").field("talkDate").kind()).isEqualTo(FormFields.Kind.DATETIME);
        assertThat(form("register-problem").field("sensitive").kind()).isEqualTo(FormFields.Kind.BOOLEAN);
    }

    @Test
    void shouldAcceptTheSignComment() throws IOException {
        Verdict verdict = judge("sign", Map.of("signComment", string("已签收，立即整改")));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.refusals()).isEmpty();
        assertThat(verdict.form()).isEqualTo("sign");
    }

    @Test
    void shouldRefuseTheVariablesTheProcessOwnsEvenWhenTheFormShowsThem() throws IOException {
        Verdict verdict = judge("sign", Map.of(
                "signComment", string("已签收"),
                "level", string("BLUE"),
                "rectifyDue", typed("Date", TextNode.valueOf("2027-01-01T00:00:00.000+0800")),
                "graceDue", typed("Date", TextNode.valueOf("2027-01-01T00:00:00.000+0800")),
                "repeatCount", typed("Integer", IntNode.valueOf(0)),
                "problemTitle", string("无问题")));

        assertThat(verdict.accepted()).isFalse();
        assertThat(refused(verdict)).containsExactlyInAnyOrder("level", "rectifyDue", "graceDue", "repeatCount",
                "problemTitle");
        assertThat(messageOf(verdict, "level")).isEqualTo("由流程自动维护，不能通过表单提交");
    }

    @Test
    void shouldRefuseADisabledDisplayFieldThatTheProcessDoesNotOwn() throws IOException {
        // pauseDetail is shown, disabled, on the captain's and the resume forms; it is the rectify form's input
        Verdict verdict = judge("approve-pause", Map.of("pauseDetail", string("改写的暂停理由"),
                "pauseDecision", string("APPROVE")));

        assertThat(refused(verdict)).containsExactly("pauseDetail");
        assertThat(messageOf(verdict, "pauseDetail")).isEqualTo("不是本任务表单的字段");
        assertThat(refused(judge("await-instruction", Map.of("pauseDetail", string("x"))))).containsExactly("pauseDetail");
    }

    @Test
    void shouldRefuseANameNotOnTheForm() throws IOException {
        Verdict verdict = judge("sign", Map.of("reviewDecision", string("APPROVE")));

        assertThat(refused(verdict)).containsExactly("reviewDecision");
        assertThat(messageOf(verdict, "reviewDecision")).isEqualTo("不是本任务表单的字段");
    }

    @Test
    void shouldRefuseATypeTheCallerNames() throws IOException {
        JsonNode object = NODES.objectNode().put("className", "java.lang.Runtime");
        Verdict asObject = judge("sign", Map.of("signComment", typed("Object", object)));
        Verdict asJson = judge("sign", Map.of("signComment", typed("Json", TextNode.valueOf("{\"a\":1}"))));
        Verdict asXml = judge("sign", Map.of("signComment", typed("Xml", TextNode.valueOf("<a/>"))));
        Verdict asBytes = judge("sign", Map.of("signComment", typed("Bytes", TextNode.valueOf("AAAA"))));

        assertThat(messageOf(asObject, "signComment")).contains("类型不被接受（Object）");
        assertThat(messageOf(asJson, "signComment")).contains("类型不被接受（Json）");
        assertThat(messageOf(asXml, "signComment")).contains("类型不被接受（Xml）");
        assertThat(messageOf(asBytes, "signComment")).contains("类型不被接受（Bytes）");
    }

    @Test
    void shouldRefuseValueInfo() throws IOException {
        // {"value": "…", "type": "String", "valueInfo": {"objectTypeName": "…"}}: the guard passes only the flag
        Verdict typedString = judge("sign", Map.of("signComment", new Submitted("String", TextNode.valueOf("已签收"), true)));
        Verdict untyped = judge("sign", Map.of("signComment", new Submitted(null, TextNode.valueOf("已签收"), true)));

        assertThat(refused(typedString)).containsExactly("signComment");
        assertThat(messageOf(typedString, "signComment")).contains("valueInfo");
        assertThat(messageOf(untyped, "signComment")).contains("valueInfo");
    }

    @Test
    void shouldRefuseAJsonObjectAsAValue() throws IOException {
        JsonNode object = NODES.objectNode().put("objectTypeName", "java.util.HashMap");

        Verdict typedString = judge("sign", Map.of("signComment", typed("String", object)));
        Verdict untypedObject = judge("sign", Map.of("signComment", untyped(object)));
        Verdict untypedArray = judge("sign", Map.of("signComment", untyped(NODES.arrayNode().add("a"))));

        assertThat(messageOf(typedString, "signComment")).isEqualTo("应为文本");
        assertThat(messageOf(untypedObject, "signComment")).contains("类型不被接受（OBJECT）");
        assertThat(messageOf(untypedArray, "signComment")).contains("类型不被接受（ARRAY）");
    }

    @Test
    void shouldRefuseATextLongerThanTheFormAllowsNamingItsLength() throws IOException {
        Verdict verdict = judge("sign", Map.of("signComment", string("签".repeat(9_000_000))));

        assertThat(refused(verdict)).containsExactly("signComment");
        assertThat(messageOf(verdict, "signComment")).isEqualTo("过长（9000000 字，最多 1000 字）");
        assertThat(judge("sign", Map.of("signComment", string("签".repeat(1000)))).accepted()).isTrue();
        assertThat(judge("sign", Map.of("signComment", string("签".repeat(1001)))).accepted()).isFalse();
    }

    @Test
    void shouldCountCharactersNotUtf16Units() throws IOException {
        // 1000 characters outside the BMP are 2000 chars in Java, still 1000 字
        assertThat(judge("sign", Map.of("signComment", string("𠀀".repeat(1000)))).accepted()).isTrue();
    }

    @Test
    void shouldAcceptOnlyTheOfferedRectifyOutcomes() throws IOException {
        assertThat(judge("rectify", Map.of("rectifyOutcome", string("DONE"))).accepted()).isTrue();
        assertThat(judge("rectify", Map.of("rectifyOutcome", string("WAIT"))).accepted()).isTrue();

        Verdict closed = judge("rectify", Map.of("rectifyOutcome", string("CLOSED")));
        Verdict lowerCase = judge("rectify", Map.of("rectifyOutcome", string("done")));
        Verdict number = judge("rectify", Map.of("rectifyOutcome", typed("Integer", IntNode.valueOf(1))));

        assertThat(messageOf(closed, "rectifyOutcome")).isEqualTo("取值不在表单选项内：CLOSED");
        assertThat(messageOf(lowerCase, "rectifyOutcome")).isEqualTo("取值不在表单选项内：done");
        assertThat(messageOf(number, "rectifyOutcome")).isEqualTo("应为文本");
    }

    @Test
    void shouldAcceptAReviewDecisionOnlyFromTheReviewForm() throws IOException {
        assertThat(judge("review", Map.of("reviewDecision", string("APPROVE"), "reviewComment", string("同意")))
                .accepted()).isTrue();
        assertThat(refused(judge("rectify", Map.of("reviewDecision", string("APPROVE")))))
                .containsExactly("reviewDecision");
    }

    @Test
    void shouldAcceptADateTimeAndRefuseAnythingElseForTheTalkDate() throws IOException {
        assertThat(judge("discipline-talk", Map.of("talkDate", string("2026-03-10T09:00"))).accepted()).isTrue();
        assertThat(judge("discipline-talk", Map.of("talkDate", string("2026-03-10T09:00:00+08:00"))).accepted())
                .isTrue();
        assertThat(judge("discipline-talk", Map.of("talkDate", typed("Date",
                TextNode.valueOf("2026-03-10T09:00:00.000+0800")))).accepted()).isTrue();

        Verdict yesterday = judge("discipline-talk", Map.of("talkDate", string("yesterday")));
        assertThat(messageOf(yesterday, "talkDate")).isEqualTo("应为日期时间（如 2026-03-10T09:00）");
        assertThat(judge("discipline-talk", Map.of("talkDate", typed("Long", IntNode.valueOf(1)))).accepted())
                .isFalse();
    }

    @Test
    void shouldLetTheStartFormNameTheUnitButNothingElseTheProcessOwns() throws IOException {
        Map<String, Submitted> registration = new LinkedHashMap<>();
        registration.put("source", string("HOTLINE_12345"));
        registration.put("category", string("CASE_FILING"));
        registration.put("unitCode", string("CGPCS"));
        registration.put("officerNo", string("500002"));
        registration.put("title", string("受案登记表未开具回执"));
        registration.put("description", string("群众反映报案后未收到回执"));
        registration.put("occurredAt", string("2026-03-09T15:30"));
        registration.put("sensitive", typed("Boolean", BooleanNode.FALSE));
        assertThat(judgeStart(registration).accepted()).isTrue();

        registration.put("problemId", typed("Long", IntNode.valueOf(7)));
        registration.put("level", string("BLUE"));
        registration.put("requestedLevel", string("BLUE"));
        Verdict verdict = judgeStart(registration);

        assertThat(refused(verdict)).containsExactly("problemId", "level", "requestedLevel");
        assertThat(verdict.refusals()).extracting(Refusal::message).containsOnly("由流程自动维护，不能通过表单提交");
    }

    @Test
    void shouldNotLetATaskNameTheUnit() throws IOException {
        Verdict verdict = judge("rectify", Map.of("unitCode", string("OTHER")));

        assertThat(messageOf(verdict, "unitCode")).isEqualTo("由流程自动维护，不能通过表单提交");
    }

    @Test
    void shouldAcceptABooleanAndRefuseAStringForTheSensitiveFlag() throws IOException {
        assertThat(judgeStart(Map.of("sensitive", typed("Boolean", BooleanNode.TRUE))).accepted()).isTrue();

        Verdict asString = judgeStart(Map.of("sensitive", string("true")));
        Verdict stringTypedAsBoolean = judgeStart(Map.of("sensitive", typed("Boolean", TextNode.valueOf("true"))));

        assertThat(messageOf(asString, "sensitive")).isEqualTo("应为是或否（true/false）");
        assertThat(messageOf(stringTypedAsBoolean, "sensitive")).isEqualTo("应为是或否（true/false）");
    }

    @Test
    void shouldJudgeAnUntypedValueByItsJsonKind() throws IOException {
        assertThat(judge("sign", Map.of("signComment", untyped(TextNode.valueOf("已签收")))).accepted()).isTrue();
        assertThat(judgeStart(Map.of("sensitive", untyped(BooleanNode.TRUE))).accepted()).isTrue();
        assertThat(judge("rectify", Map.of("rectifyOutcome", untyped(TextNode.valueOf("WAIT")))).accepted()).isTrue();

        assertThat(messageOf(judge("sign", Map.of("signComment", untyped(IntNode.valueOf(5)))), "signComment"))
                .isEqualTo("应为文本");
        assertThat(messageOf(judgeStart(Map.of("sensitive", untyped(TextNode.valueOf("true")))), "sensitive"))
                .isEqualTo("应为是或否（true/false）");
        assertThat(messageOf(judge("rectify", Map.of("rectifyOutcome", untyped(TextNode.valueOf("CLOSED")))),
                "rectifyOutcome")).isEqualTo("取值不在表单选项内：CLOSED");
    }

    @Test
    void shouldAcceptANullValueForADeclaredField() throws IOException {
        assertThat(judge("sign", Map.of("signComment", untyped(NullNode.getInstance()))).accepted()).isTrue();
        assertThat(judge("sign", Map.of("signComment", typed("String", NullNode.getInstance()))).accepted()).isTrue();
        assertThat(judge("sign", Map.of("signComment", typed("Null", NullNode.getInstance()))).accepted()).isTrue();
        assertThat(judge("sign", Map.of("signComment", untyped(MissingNode.getInstance()))).accepted()).isTrue();
        assertThat(judge("discipline-talk", Map.of("talkDate", untyped(NullNode.getInstance()))).accepted()).isTrue();
    }

    @Test
    void shouldStillRefuseANullValueForAVariableTheProcessOwns() throws IOException {
        Verdict verdict = judge("sign", Map.of("rectifyDue", untyped(NullNode.getInstance())));

        assertThat(refused(verdict)).containsExactly("rectifyDue");
    }

    @Test
    void shouldExplainInChineseWhichVariablesWereRefused() throws IOException {
        Map<String, Submitted> variables = new LinkedHashMap<>();
        variables.put("signComment", string("已签收"));
        variables.put("level", string("BLUE"));
        variables.put("backdoor", string("x"));

        Verdict verdict = judge("sign", variables);

        assertThat(verdict.message()).isEqualTo("提交的内容未被接受，任务仍待办理："
                + "level 由流程自动维护，不能通过表单提交；backdoor 不是本任务表单的字段");
        assertThat(verdict.message()).doesNotContain("signComment");
    }

    @Test
    void shouldShowARefusedNameWithoutControlCharactersAndShortened() throws IOException {
        Verdict verdict = judge("sign", Map.of("a\nb" + "x".repeat(100), string("x")));

        assertThat(refused(verdict)).singleElement().satisfies(name -> {
            assertThat(name).startsWith("a?b").endsWith("…").hasSize(61);
        });
    }

    @Test
    void shouldCheckACompletedTaskAgainstItsDeployedFormAndCountTheRefusal() throws IOException {
        TaskQuery query = mock(TaskQuery.class);
        Task task = mock(Task.class);
        when(taskService.createTaskQuery()).thenReturn(query);
        when(query.taskId("42")).thenReturn(query);
        when(query.singleResult()).thenReturn(task);
        when(query.count()).thenReturn(1L);
        when(task.getTaskDefinitionKey()).thenReturn("Task_Sign");
        when(formService.getDeployedTaskForm("42")).thenAnswer(
                invocation -> getClass().getClassLoader().getResourceAsStream("processes/forms/sign.form"));
        TaskSubmissions.Submitter head = new TaskSubmissions.Submitter("500001", List.of("UNIT_HEAD", "head_CGPCS"));

        Verdict accepted = submissions.checkTask("42", head, Map.of("signComment", string("已签收")));
        Verdict refused = submissions.checkTask("42", head, Map.of("signed", typed("Boolean", BooleanNode.TRUE)));

        assertThat(accepted.accepted()).isTrue();
        assertThat(refused.form()).isEqualTo("Task_Sign");
        assertThat(refused(refused)).containsExactly("signed");
        assertThat(meters.counter("jiandu.refused.task.variables").count()).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseEverythingOnATaskWithoutADeployedForm() throws IOException {
        Verdict verdict = submissions.judge("Task_Close", FormFields.NONE,
                Map.of("comment", string("x")), Rectification.ENGINE_OWNED);

        assertThat(refused(verdict)).containsExactly("comment");
        assertThat(submissions.judge("Task_Close", FormFields.NONE, Map.of(), Set.of()).accepted()).isTrue();
    }
    @Test
    void shouldLeaveAnIntakeTaskToItsCandidateRoleAndTheAdministrator() throws IOException {
        TaskQuery query = mock(TaskQuery.class);
        Task task = mock(Task.class);
        when(taskService.createTaskQuery()).thenReturn(query);
        when(query.taskId("7")).thenReturn(query);
        when(query.singleResult()).thenReturn(task);
        when(query.count()).thenReturn(1L);
        when(task.getTaskDefinitionKey()).thenReturn(IntakeFlow.TASK_CALLBACK_REVIEW);
        when(task.getProcessDefinitionId()).thenReturn("intake:3:abc");
        org.camunda.bpm.engine.task.IdentityLink candidate = mock(org.camunda.bpm.engine.task.IdentityLink.class);
        when(candidate.getType()).thenReturn(org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE);
        when(candidate.getGroupId()).thenReturn("LEGAL_CAPTAIN");
        when(taskService.getIdentityLinksForTask("7")).thenReturn(List.of(candidate));
        when(formService.getDeployedTaskForm("7")).thenAnswer(
                invocation -> getClass().getClassLoader().getResourceAsStream("processes/forms/callback-review.form"));
        Map<String, Submitted> uphold = Map.of("callbackReviewDecision", string("UPHOLD"), "callbackReviewNote",
                string("已解释"));

        Verdict legal = submissions.checkTask("7", new TaskSubmissions.Submitter("LO1", List.of("LEGAL_OFFICER")), uphold);
        Verdict captain = submissions.checkTask("7", new TaskSubmissions.Submitter("LC1", List.of("LEGAL_CAPTAIN")),
                uphold);
        Verdict admin = submissions.checkTask("7", new TaskSubmissions.Submitter("adm", List.of("camunda-admin")),
                uphold);

        assertThat(legal.forbidden()).isTrue();
        assertThat(legal.accepted()).isFalse();
        assertThat(legal.refusals().get(0).message()).contains("法制大队长");
        assertThat(captain.forbidden()).isFalse();
        assertThat(captain.accepted()).isTrue();
        assertThat(admin.accepted()).isTrue();
    }
}
