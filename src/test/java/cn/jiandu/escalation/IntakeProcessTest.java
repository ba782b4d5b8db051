package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * intake.bpmn (诉求受理与回访) with its decision table, every path walked: triage's four
 * decisions, the wait for the problem (approved or voided), the call back with its retries,
 * the second call of a sensitive problem, the review's two decisions, the overdue reminders.
 * The delegates are test doubles (their rules have their own tests and the ITs); the clock and
 * the timers are moved by the test.
 */
@Deployment(resources = {"processes/intake.bpmn", "processes/intake-deadlines.dmn"})
class IntakeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(1.0).build();

    private static final Instant START = Instant.parse("2026-03-10T01:00:00Z");

    private final List<String> steps = new ArrayList<>();
    /** the calls made so far, as the double of scheduleCallback reads them: reached or not */
    private final List<Boolean> calls = new ArrayList<>();

    @BeforeEach
    void doubles() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("loadIntake", step("load", e -> {
            e.setVariable(IntakeFlow.TICKET, "12345政务服务热线 工单 A-1");
            e.setVariable(IntakeFlow.SOURCE_KIND, e.getVariable("testKind"));
            e.setVariable(IntakeFlow.CALLBACK_CHANNEL, e.getVariable("testCallback"));
            e.setVariable(IntakeFlow.SENSITIVE, false);
        }));
        Mocks.register("fixIntakeRules", new JavaDelegate() {
            @Override
            public void execute(DelegateExecution e) {
                steps.add("fixRules");
                // the real step evaluates intake-deadlines.dmn; here the table's answer for the kind
                var result = e.getProcessEngineServices().getDecisionService()
                        .evaluateDecisionTableByKey(IntakeFlow.DECISION_DEADLINES)
                        .variables(java.util.Map.of(IntakeFlow.SOURCE_KIND, e.getVariable(IntakeFlow.SOURCE_KIND)))
                        .evaluate().getSingleResult();
                for (String field : List.of(IntakeFlow.TRIAGE_DAYS, IntakeFlow.CALLBACK_DAYS,
                        IntakeFlow.SECOND_CALLBACK_DAYS, IntakeFlow.CALLBACK_ATTEMPTS)) {
                    e.setVariable(field, ((Number) result.get(field)).intValue());
                }
            }
        });
        Mocks.register("acceptIntake", step("accept", e -> e.setVariable(IntakeFlow.PROBLEM_ID, 9L)));
        Mocks.register("mergeIntake", step("merge", e -> { }));
        Mocks.register("closeTriage", step("closeTriage", e -> e.setVariable(IntakeFlow.PROBLEM_ID, null)));
        Mocks.register("scheduleCallback", step("schedule", e -> {
            int round = 1;
            int attempt = 1;
            if (!calls.isEmpty()) {
                int previousRound = (Integer) e.getVariable(IntakeFlow.CALLBACK_ROUND);
                int previousAttempt = (Integer) e.getVariable(IntakeFlow.CALLBACK_ATTEMPT);
                boolean reached = calls.get(calls.size() - 1);
                round = reached ? previousRound + 1 : previousRound;
                attempt = reached ? 1 : previousAttempt + 1;
            }
            e.setVariable(IntakeFlow.CALLBACK_ROUND, round);
            e.setVariable(IntakeFlow.CALLBACK_ATTEMPT, attempt);
            e.setVariable(IntakeFlow.CALLBACK_DUE, later(Duration.ofDays(2)));
        }));
        Mocks.register("finishIntake", step("finish", e -> steps.add("finish:" + e.getVariable(IntakeFlow.FINAL_STATUS))));
        Mocks.register("requestReopen", step("reopen", e -> { }));
        Mocks.register("intakeOverdue", step("overdue", e -> steps.add("overdue:" + e.getCurrentActivityId())));
        Mocks.register("intakeTasks", (TaskListener) task -> {
            if (!"complete".equals(task.getEventName())) {
                return;
            }
            if (IntakeFlow.TASK_CALLBACK.equals(task.getTaskDefinitionKey())) {
                String outcome = (String) task.getVariable(IntakeFlow.CALLBACK_OUTCOME);
                calls.add(!"UNREACHABLE".equals(outcome));
                boolean satisfied = "SATISFIED".equals(outcome) || "BASICALLY_SATISFIED".equals(outcome);
                task.setVariable(IntakeFlow.SECOND_CALLBACK, satisfied
                        && (Integer) task.getVariable(IntakeFlow.CALLBACK_ROUND) == 1
                        && Boolean.TRUE.equals(task.getVariable(IntakeFlow.SENSITIVE)));
                task.setVariable(IntakeFlow.CALLBACK_RETRY_AT, later(Duration.ofDays(1)));
                task.setVariable(IntakeFlow.SECOND_CALLBACK_AT, later(Duration.ofDays(10)));
            }
        });
        Mocks.register("intakeClocks", new Clocks());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** The test double of ${intakeClocks…}: days from the engine's time. */
    public static class Clocks {
        public Date due(VariableScope execution, String field) {
            return later(Duration.ofDays(((Number) execution.getVariable(field)).longValue()));
        }

        public String dailyFrom(VariableScope execution, String field) {
            return dailyFromDate(due(execution, field));
        }

        public String dailyFromDate(Object due) {
            return "R3/" + ((Date) due).toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime() + "/P1D";
        }
    }

    private static Date later(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }

    private JavaDelegate step(String name, JavaDelegate body) {
        return execution -> {
            steps.add(name);
            body.execute(execution);
        };
    }

    private static ProcessInstance receive(String kind, boolean callback) {
        return runtimeService().startProcessInstanceByKey(IntakeFlow.PROCESS_KEY, "intake-1", withVariables(
                IntakeFlow.INTAKE_ID, 1L, "testKind", kind, "testCallback", callback));
    }

    private static void triage(ProcessInstance pi, Object... variables) {
        complete(task(IntakeFlow.TASK_TRIAGE, pi), withVariables(IntakeFlow.TRIAGE_DECISION, variables[0],
                java.util.Arrays.copyOfRange(variables, 1, variables.length)));
    }

    private static void approved(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(IntakeFlow.MESSAGE_PROBLEM_APPROVED).processInstanceId(pi.getId())
                .correlate();
    }

    private static void call(ProcessInstance pi, String outcome) {
        complete(task(IntakeFlow.TASK_CALLBACK, pi), withVariables(IntakeFlow.CALLBACK_OUTCOME, outcome,
                IntakeFlow.CALLBACK_NOTE, "回访记录"));
    }

    private static void review(ProcessInstance pi, String decision) {
        complete(task(IntakeFlow.TASK_CALLBACK_REVIEW, pi), withVariables(IntakeFlow.CALLBACK_REVIEW_DECISION, decision,
                IntakeFlow.CALLBACK_REVIEW_NOTE, "复核意见"));
    }

    private static void fire(String timer, ProcessInstance pi) {
        org.camunda.bpm.engine.runtime.Job job = job(timer, pi);
        ClockUtil.setCurrentTime(job.getDuedate());
        execute(job);
    }

    @Test
    void shouldCallBackAnAcceptedTicketOnceItsProblemIsApproved() {
        ProcessInstance pi = receive("HOTLINE", true);
        assertThat(pi).isWaitingAt(IntakeFlow.TASK_TRIAGE);
        assertThat(task(IntakeFlow.TASK_TRIAGE, pi)).hasCandidateGroup("LEGAL_OFFICER");
        // 12345: one working day to triage, two to call back (intake-deadlines.dmn)
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.TRIAGE_DAYS)).isEqualTo(1);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_DAYS)).isEqualTo(2);
        assertThat(task(IntakeFlow.TASK_TRIAGE, pi).getDueDate()).isEqualTo(later(Duration.ofDays(1)));

        triage(pi, "ACCEPT", IntakeFlow.UNIT_CODE, "CGPCS", IntakeFlow.CATEGORY, "CASE_FILING");
        assertThat(pi).hasPassed("Task_AcceptIntake").isWaitingAt("Gateway_WaitProblem");
        approved(pi);
        assertThat(pi).isWaitingAt(IntakeFlow.TASK_CALLBACK);
        assertThat(task(IntakeFlow.TASK_CALLBACK, pi)).hasCandidateGroup("LEGAL_OFFICER");
        call(pi, "SATISFIED");

        assertThat(pi).isEnded().hasPassed("Task_CloseCallback", "End_Closed");
        assertThat(steps).containsExactly("load", "fixRules", "accept", "schedule", "finish", "finish:null");
    }

    @Test
    void shouldCallASensitiveProblemsComplainantASecondTime() {
        ProcessInstance pi = receive("VISIT", true);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_DAYS)).isEqualTo(3);
        triage(pi, "ACCEPT", IntakeFlow.UNIT_CODE, "CGPCS", IntakeFlow.CATEGORY, "CASE_FILING", IntakeFlow.SENSITIVE,
                true);
        approved(pi);
        call(pi, "SATISFIED");
        assertThat(pi).hasPassed("Gateway_SecondCall").isWaitingAt("Timer_SecondCall");

        fire("Timer_SecondCall", pi);
        assertThat(pi).isWaitingAt(IntakeFlow.TASK_CALLBACK);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_ROUND)).isEqualTo(2);
        call(pi, "BASICALLY_SATISFIED");
        assertThat(pi).isEnded().hasPassed("Task_CloseCallback");
    }

    @Test
    void shouldCloseAMergedTicketWithoutACallWhenItsProblemIsVoided() {
        ProcessInstance pi = receive("OTHER", false);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_DAYS)).isEqualTo(5);
        triage(pi, "MERGE", IntakeFlow.PROBLEM_ID, 9L);
        assertThat(pi).hasPassed("Task_MergeIntake").isWaitingAt("Gateway_WaitProblem");
        runtimeService().createMessageCorrelation(IntakeFlow.MESSAGE_PROBLEM_VOIDED).processInstanceId(pi.getId())
                .correlate();
        assertThat(pi).isEnded().hasPassed("Task_CloseVoided", "End_Voided");
        assertThat(steps).contains("finish:NONE");
    }

    @Test
    void shouldCloseATicketOfAChannelWithoutCallBackWhenItsProblemIsApproved() {
        ProcessInstance pi = receive("INTERNAL", false);
        triage(pi, "MERGE", IntakeFlow.PROBLEM_ID, 9L);
        approved(pi);
        assertThat(pi).isEnded().hasPassed("Gateway_CallbackChannel", "Task_CloseNoCallback", "End_NoCallback")
                .hasNotPassed("Task_Callback");
    }

    @Test
    void shouldTryTheNextWorkingDayAndGiveUpAfterThreeUnreachedCalls() {
        ProcessInstance pi = receive("MAILBOX", true);
        triage(pi, "REFER", IntakeFlow.REFER_TO, "区市场监管局", IntakeFlow.TRIAGE_REASON, "不属公安职责");
        assertThat(pi).hasPassed("Task_ReferIntake").isWaitingAt(IntakeFlow.TASK_CALLBACK);

        call(pi, "UNREACHABLE");
        assertThat(pi).isWaitingAt("Timer_Retry");
        fire("Timer_Retry", pi);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_ATTEMPT)).isEqualTo(2);
        call(pi, "UNREACHABLE");
        fire("Timer_Retry", pi);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_ATTEMPT)).isEqualTo(3);
        call(pi, "UNREACHABLE");

        assertThat(pi).isEnded().hasPassed("Gateway_Attempts", "Task_CloseUnreachable", "End_Unreachable");
        assertThat(steps).contains("finish:UNREACHABLE");
    }

    @Test
    void shouldCloseARejectedTicketExplainedWhenTheCaptainUpholdsIt() {
        ProcessInstance pi = receive("HOTLINE", true);
        triage(pi, "REJECT", IntakeFlow.TRIAGE_REASON, "重复投诉，已答复");
        assertThat(pi).hasPassed("Task_RejectIntake");
        call(pi, "DISSATISFIED");
        assertThat(pi).isWaitingAt(IntakeFlow.TASK_CALLBACK_REVIEW);
        assertThat(task(IntakeFlow.TASK_CALLBACK_REVIEW, pi)).hasCandidateGroup("LEGAL_CAPTAIN");
        review(pi, "UPHOLD");
        assertThat(pi).isEnded().hasPassed("Task_CloseExplained", "End_Explained");
    }

    @Test
    void shouldReopenTheProblemAndCallBackAgainAfterItIsApprovedAgain() {
        ProcessInstance pi = receive("HOTLINE", true);
        triage(pi, "ACCEPT", IntakeFlow.UNIT_CODE, "CGPCS", IntakeFlow.CATEGORY, "CASE_FILING");
        approved(pi);
        call(pi, "DISSATISFIED");
        review(pi, "REOPEN");
        assertThat(pi).hasPassed("Gateway_HasProblem", "Task_RequestReopen").isWaitingAt("Gateway_WaitProblem");

        approved(pi);
        assertThat(runtimeService().getVariable(pi.getId(), IntakeFlow.CALLBACK_ROUND)).isEqualTo(2);
        call(pi, "SATISFIED");
        assertThat(pi).isEnded();
        assertThat(steps).containsSubsequence("accept", "schedule", "reopen", "schedule", "finish");
    }

    @Test
    void shouldTriageARejectedTicketAgainWhenTheCaptainReopensIt() {
        ProcessInstance pi = receive("HOTLINE", true);
        triage(pi, "REJECT", IntakeFlow.TRIAGE_REASON, "不属执法问题");
        call(pi, "DISSATISFIED");
        review(pi, "REOPEN");
        assertThat(pi).hasPassed("Gateway_HasProblem").hasNotPassed("Task_RequestReopen")
                .isWaitingAt(IntakeFlow.TASK_TRIAGE);
        triage(pi, "ACCEPT", IntakeFlow.UNIT_CODE, "CGPCS", IntakeFlow.CATEGORY, "CASE_FILING");
        assertThat(pi).isWaitingAt("Gateway_WaitProblem");
    }

    @Test
    void shouldRemindTheLegalDepartmentOfOverdueTriageCallsAndReviews() {
        ProcessInstance pi = receive("HOTLINE", true);
        fire("Timer_TriageOverdue", pi);
        assertThat(pi).hasPassed("Task_TriageOverdue", "End_TriageOverdueTold").isWaitingAt(IntakeFlow.TASK_TRIAGE);
        triage(pi, "REJECT", IntakeFlow.TRIAGE_REASON, "不属执法问题");
        fire("Timer_CallbackOverdue", pi);
        assertThat(pi).hasPassed("Task_CallbackOverdue", "End_CallbackOverdueTold");
        call(pi, "DISSATISFIED");
        fire("Timer_CallbackReviewOverdue", pi);
        assertThat(pi).hasPassed("Task_CallbackReviewOverdue", "End_CallbackReviewOverdueTold")
                .isWaitingAt(IntakeFlow.TASK_CALLBACK_REVIEW);
        assertThat(steps).contains("overdue:Task_TriageOverdue", "overdue:Task_CallbackOverdue",
                "overdue:Task_CallbackReviewOverdue");
    }
}
