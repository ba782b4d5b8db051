package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * rectification.bpmn with its two DMNs, every path walked; the delegates are test doubles
 * (their rules have their own tests), the clock and the timers are moved by the test.
 */
@Deployment(resources = {"processes/rectification.bpmn", "processes/initial-level.dmn", "processes/deadlines.dmn"})
class RectificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(1.0).build();

    private static final Instant START = Instant.parse("2026-03-10T01:00:00Z");

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void doubles() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("registerProblem", step("register", e -> e.setVariable(Rectification.SIGNED, false)));
        Mocks.register("fixDeadlineRules", step("fixRules", e -> e.setVariable(Rectification.DEADLINE_RULES, "{}")));
        Mocks.register("applyLevel", step("applyLevel", RectificationProcessTest::clocks));
        Mocks.register("issueDocument", step("issueDocument", e -> { }));
        Mocks.register("remind", step("remind", e -> e.setVariable(Rectification.REMINDED, true)));
        Mocks.register("urge", step("urge", e -> e.setVariable(Rectification.OVERDUE, true)));
        Mocks.register("supervise", step("supervise", e -> e.setVariable(Rectification.RAISE_REASON, "整改迟缓")));
        Mocks.register("requestPause", step("requestPause", e -> e.setVariable(Rectification.PAUSE_ID, 7L)));
        Mocks.register("denyPause", step("denyPause", e -> { }));
        Mocks.register("pauseClock", step("pauseClock", e -> e.setVariable(Rectification.PAUSE_ENDS_AT,
                new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(4).toMillis()))));
        Mocks.register("chase", step("chase", e -> steps.add(e.getCurrentActivityId())));
        Mocks.register("resumeClock", step("resumeClock", RectificationProcessTest::clocks));
        Mocks.register("restartClock", step("restartClock", RectificationProcessTest::clocks));
        Mocks.register("countRepeat", step("countRepeat", e -> { }));
        Mocks.register("raiseLevel", step("raiseLevel", e -> {
            String level = (String) e.getVariable(Rectification.LEVEL);
            String next = "BLUE".equals(level) ? "YELLOW" : "RED";
            e.setVariable(Rectification.LEVEL_RAISED, !next.equals(level));
            e.setVariable(Rectification.LEVEL, next);
        }));
        Mocks.register("closeProblem", step("close", e -> e.setVariable(Rectification.PROBLEM_CLOSED, true)));
        Mocks.register("openInstruction", (ExecutionListener) e -> {
            e.setVariableLocal(Rectification.INSTRUCTION_DUE,
                    new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(24).toMillis()));
            e.setVariableLocal(Rectification.INSTRUCTION_KIND, null);
            e.setVariableLocal(Rectification.INSTRUCTION, null);
        });
        Mocks.register("instructionOverdue", step("instructionOverdue", e -> { }));
        Mocks.register("notifyIntakes", step("notifyIntakes", e -> { }));
        Mocks.register("reopenProblem", step("reopen", e -> {
            e.setVariable(Rectification.LEVEL, "YELLOW");
            e.setVariable(Rectification.SIGNED, true);
            e.setVariable(Rectification.DEADLINE_RULES, "{}");
            e.setVariable(Rectification.UNIT_CODE, "CGPCS");
            e.setVariable(Rectification.PROBLEM_TITLE, "受案登记表未开具回执");
        }));
        Mocks.register("transferProblem", step("transfer", e -> {
            e.setVariable(Rectification.UNIT_CODE, e.getVariable(Rectification.TRANSFER_UNIT_CODE));
            e.setVariable(Rectification.TRANSFER_REJECTIONS, 0);
            clocks(e);
        }));
        Mocks.register("countTransferRejection", step("countTransferRejection", e -> {
            Object count = e.getVariable(Rectification.TRANSFER_REJECTIONS);
            e.setVariable(Rectification.TRANSFER_REJECTIONS, count == null ? 1 : (Integer) count + 1);
            e.setVariable(Rectification.RAISE_REASON, "推诿扯皮");
        }));
        Mocks.register("rectificationTasks", (TaskListener) task -> {
            if ("complete".equals(task.getEventName())
                    && Rectification.TASK_SIGN.equals(task.getTaskDefinitionKey())
                    && !Rectification.OUTCOME_TRANSFER.equals(task.getVariable(Rectification.SIGN_OUTCOME))) {
                task.setVariable(Rectification.SIGNED, true);
            }
        });
        Mocks.register("deadlines", new Deadlines());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** The test double of ${deadlines.due(execution, field)}. */
    public static class Deadlines {
        public Date due(DelegateExecution execution, String field) {
            return new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(3).toMillis());
        }

        public String dailyAfter(DelegateExecution execution, String field) {
            return "R3/" + Instant.ofEpochMilli(due(execution, field).getTime() + Duration.ofDays(1).toMillis())
                    .atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime() + "/P1D";
        }
    }

    private JavaDelegate step(String name, JavaDelegate body) {
        return execution -> {
            steps.add(name);
            body.execute(execution);
        };
    }

    /** Clocks like the real ones, relative to the engine's time. */
    private static void clocks(DelegateExecution e) {
        long now = ClockUtil.getCurrentTime().getTime();
        e.setVariable(Rectification.SIGN_DUE, new Date(now + Duration.ofHours(24).toMillis()));
        e.setVariable(Rectification.SIGN_GRACE_DUE, new Date(now + Duration.ofHours(48).toMillis()));
        e.setVariable(Rectification.RECTIFY_DUE, new Date(now + Duration.ofDays(5).toMillis()));
        e.setVariable(Rectification.GRACE_DUE, new Date(now + Duration.ofDays(7).toMillis()));
        Instant remindAt = Instant.ofEpochMilli(now).plus(Duration.ofDays(3));
        e.setVariable(Rectification.REMIND_AT, Date.from(remindAt));
        e.setVariable(Rectification.REMINDER_CYCLE,
                "R2/" + remindAt.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime() + "/PT24H");
    }

    private static ProcessInstance register(String source, boolean sensitive) {
        return runtimeService().startProcessInstanceByKey(Rectification.PROCESS_KEY, "1", withVariables(
                Rectification.PROBLEM_ID, 1L, Rectification.CATEGORY, "CASE_FILING", Rectification.SOURCE, source,
                Rectification.SENSITIVE, sensitive, Rectification.REQUESTED_LEVEL, null,
                Rectification.UNIT_CODE, "CGPCS", Rectification.PROBLEM_TITLE, "受案登记表未开具回执"));
    }

    private static String level(ProcessInstance pi) {
        return (String) runtimeService().getVariable(pi.getId(), Rectification.LEVEL);
    }

    /** Moves the engine's clock to the timer's due date and fires it. */
    private static void fire(String timer, ProcessInstance pi) {
        org.camunda.bpm.engine.runtime.Job job = job(timer, pi);
        ClockUtil.setCurrentTime(job.getDuedate());
        execute(job);
    }

    private static void sign(ProcessInstance pi) {
        complete(task(Rectification.TASK_SIGN, pi), withVariables(Rectification.SIGN_COMMENT, "已签收，立即整改"));
    }

    private static void report(ProcessInstance pi) {
        complete(task(Rectification.TASK_RECTIFY, pi), withVariables(Rectification.RECTIFY_OUTCOME, "DONE",
                Rectification.RECTIFICATION_REPORT, "已补开回执"));
    }

    private static void review(ProcessInstance pi, String decision) {
        complete(task(Rectification.TASK_REVIEW, pi), withVariables(Rectification.REVIEW_DECISION, decision,
                Rectification.REVIEW_COMMENT, "意见"));
    }

    private static void requestTransfer(ProcessInstance pi) {
        complete(task(Rectification.TASK_SIGN, pi), withVariables(Rectification.SIGN_OUTCOME, "TRANSFER",
                Rectification.TRANSFER_REASON, "案发地在新华路辖区", Rectification.SUGGESTED_UNIT_CODE, "XHPCS"));
    }

    private static void decideTransfer(ProcessInstance pi, String decision) {
        complete(task(Rectification.TASK_DECIDE_TRANSFER, pi), withVariables(Rectification.TRANSFER_DECISION,
                decision, Rectification.TRANSFER_UNIT_CODE, "XHPCS", Rectification.TRANSFER_COMMENT, "意见"));
    }

    @Test
    void shouldMoveTheProblemToTheUnitTheLegalOfficerApproves() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        requestTransfer(pi);
        assertThat(pi).isWaitingAt("Task_DecideTransfer");
        assertThat(task(Rectification.TASK_DECIDE_TRANSFER, pi)).hasCandidateGroup("LEGAL_OFFICER");

        decideTransfer(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_TransferProblem", "Gateway_TransferBack").isWaitingAt("Task_Sign");
        assertThat(task(Rectification.TASK_SIGN, pi)).hasCandidateGroup("head_XHPCS");
        assertThat(level(pi)).isEqualTo("BLUE");

        complete(task(Rectification.TASK_SIGN, pi), withVariables(Rectification.SIGN_OUTCOME, "SIGN"));
        assertThat(pi).isWaitingAt("Task_Rectify");
        assertThat(steps).containsSubsequence("applyLevel", "issueDocument", "transfer");
    }

    @Test
    void shouldReturnARejectedTransferToTheSameUnitWithTheSigningClockStillRunning() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        Date urgeDue = job("Timer_SignUrge", pi).getDuedate();
        Date overdueDue = job("Timer_SignOverdue", pi).getDuedate();
        requestTransfer(pi);
        decideTransfer(pi, "REJECT");

        assertThat(pi).hasPassed("Task_CountTransferRejection", "Gateway_TransferRaise").isWaitingAt("Task_Sign");
        assertThat(task(Rectification.TASK_SIGN, pi)).hasCandidateGroup("head_CGPCS");
        assertThat(job("Timer_SignUrge", pi).getDuedate()).isEqualTo(urgeDue);
        assertThat(job("Timer_SignOverdue", pi).getDuedate()).isEqualTo(overdueDue);
        assertThat(level(pi)).isEqualTo("BLUE");

        complete(task(Rectification.TASK_SIGN, pi), withVariables(Rectification.SIGN_OUTCOME, "SIGN"));
        assertThat(pi).isWaitingAt("Task_Rectify");
    }

    @Test
    void shouldTurnYellowWhenAUnitsSecondTransferRequestIsRejected() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        requestTransfer(pi);
        decideTransfer(pi, "REJECT");
        requestTransfer(pi);
        decideTransfer(pi, "REJECT");

        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(pi).hasPassed("EscalationEnd_TransferRaise", "Task_RaiseLevel")
                .isWaitingAt("Task_Sign", "Task_DisciplineTalk");
        assertThat(task(Rectification.TASK_SIGN, pi)).hasCandidateGroup("head_CGPCS");
        assertThat(steps).containsSubsequence("countTransferRejection", "countTransferRejection", "raiseLevel",
                "applyLevel", "issueDocument");
    }

    @Test
    void shouldCloseABlueProblemRectifiedOnTime() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        assertThat(level(pi)).isEqualTo("BLUE");
        assertThat(pi).isWaitingAt("Task_Sign").hasPassed("End_NoLevelAction");
        sign(pi);
        assertThat(pi).isWaitingAt("Task_Rectify");
        report(pi);
        review(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("Task_Close", "Task_NotifyIntakes", "End_Closed");
        assertThat(steps).containsExactly("register", "fixRules", "applyLevel", "issueDocument", "close",
                "notifyIntakes");
    }

    @Test
    void shouldReopenAClosedProblemOneLevelHigherStraightToRectification() {
        ProcessInstance pi = runtimeService().createMessageCorrelation("ReopenProblem").processInstanceBusinessKey("1")
                .setVariable(Rectification.PROBLEM_ID, 1L).setVariable(Rectification.RAISE_REASON, "回访不满意")
                .correlateStartMessage();

        assertThat(pi).hasPassed("StartEvent_Reopened", "Task_Reopen", "Task_ApplyLevel", "Task_IssueDocument")
                .isWaitingAt("Task_Rectify", "Task_DisciplineTalk");
        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(steps).containsExactly("reopen", "applyLevel", "issueDocument");
        report(pi);
        review(pi, "APPROVE");
        assertThat(pi).isWaitingAt("Task_DisciplineTalk").hasPassed("Task_NotifyIntakes");
    }

    @Test
    void shouldRemindUrgeAndSuperviseThenTurnYellowWhenLate() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        fire("Timer_Remind", pi);
        fire("Timer_Remind", pi);
        fire("Timer_Urge", pi);
        assertThat(pi).hasPassed("Task_Remind", "Task_Urge", "End_Urged", "End_Reminded");
        assertThat(runtimeService().getVariable(pi.getId(), Rectification.OVERDUE)).isEqualTo(true);

        fire("Timer_Supervise", pi);
        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(pi).hasPassed("Task_Supervise", "EscalationEnd_Raise", "Task_RaiseLevel")
                .isWaitingAt("Task_Rectify", "Task_DisciplineTalk");
        assertThat(steps).containsSubsequence("applyLevel", "supervise", "raiseLevel", "applyLevel", "issueDocument");
        complete(task(Rectification.TASK_DISCIPLINE_TALK, pi),
                withVariables(Rectification.TALK_RECORD, "已对单位负责人谈话提醒"));
        assertThat(pi).hasPassed("End_TalkDone");
    }

    @Test
    void shouldTurnRedWhenYellowIsLateAgainAndStayRed() {
        ProcessInstance pi = register("PROCURATORIAL_SUPERVISION", false);
        assertThat(level(pi)).isEqualTo("YELLOW");
        sign(pi);
        execute(job("Timer_Supervise", pi));
        assertThat(level(pi)).isEqualTo("RED");
        assertThat(pi).isWaitingAt("Task_Rectify", "Task_DisciplineTalk", "Task_LeadershipInterview");
        complete(task(Rectification.TASK_LEADERSHIP_INTERVIEW, pi),
                withVariables(Rectification.INTERVIEW_RECORD, "约谈所长"));

        execute(job("Timer_Supervise", pi));
        assertThat(level(pi)).isEqualTo("RED");
        assertThat(pi).hasPassed("End_SupervisedAtRed").isWaitingAt("Task_Rectify");
    }

    @Test
    void shouldTurnYellowOnARepeatAndRestartTheClockOnTheNext() {
        ProcessInstance pi = register("HOTLINE_12389", false);
        sign(pi);
        report(pi);
        review(pi, "RETURN");
        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(pi).hasPassed("Task_CountRepeat", "EscalationEnd_RepeatRaise")
                .isWaitingAt("Task_Rectify", "Task_DisciplineTalk");

        report(pi);
        review(pi, "RETURN");
        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(pi).hasPassed("Task_RestartClock").isWaitingAt("Task_Rectify");
        report(pi);
        review(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_Close");
    }

    @Test
    void shouldStartRedWhenSensitive() {
        ProcessInstance pi = register("HOTLINE_12345", true);
        assertThat(level(pi)).isEqualTo("RED");
        assertThat(pi).isWaitingAt("Task_Sign", "Task_LeadershipInterview");
    }

    @Test
    void shouldRaiseByMessageAndNotBeyondRed() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        runtimeService().createMessageCorrelation(Rectification.MESSAGE_RAISE_LEVEL).processInstanceId(pi.getId())
                .setVariable(Rectification.RAISE_REASON, "领导交办").correlate();
        assertThat(level(pi)).isEqualTo("YELLOW");
        runtimeService().correlateMessage(Rectification.MESSAGE_RAISE_LEVEL, "1");
        assertThat(level(pi)).isEqualTo("RED");
        runtimeService().correlateMessage(Rectification.MESSAGE_RAISE_LEVEL, "1");
        assertThat(level(pi)).isEqualTo("RED");
        assertThat(pi).hasPassed("Boundary_RaiseMessage", "Gateway_Raised").isWaitingAt("Task_Rectify");
        assertThat(steps.stream().filter("issueDocument"::equals)).hasSize(3);
    }

    @Test
    void shouldEscalateAnUnsignedProblemOnTheSigningClock() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        execute(job("Timer_SignUrge", pi));
        assertThat(pi).hasPassed("Task_SignUrge", "End_SignUrged");
        execute(job("Timer_SignOverdue", pi));
        assertThat(level(pi)).isEqualTo("YELLOW");
        assertThat(pi).hasPassed("EscalationEnd_SignRaise").isWaitingAt("Task_Sign", "Task_DisciplineTalk");
        execute(job("Timer_SignOverdue", pi));
        assertThat(level(pi)).isEqualTo("RED");
        execute(job("Timer_SignOverdue", pi));
        assertThat(pi).hasPassed("End_SignAtRed").isWaitingAt("Task_Sign");
    }

    @Test
    void shouldFailLoudlyOnAnUncaughtBpmnErrorFromATask() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        String taskId = task("Task_Sign", pi).getId();

        assertThatThrownBy(() -> taskService().handleBpmnError(taskId, "ANY"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("ANY");

        assertThat(taskService().createTaskQuery().taskId(taskId).singleResult()).isNotNull();
        assertThat(pi).isWaitingAt("Task_Sign").isNotEnded();
        assertThat(steps).doesNotContain("close");
    }

    private static void askForPause(ProcessInstance pi) {
        complete(task(Rectification.TASK_RECTIFY, pi), withVariables(Rectification.RECTIFY_OUTCOME, "WAIT",
                Rectification.PAUSE_REASON, "AWAIT_INSTRUCTION", Rectification.PAUSE_DETAIL, "需请示分管领导"));
    }

    private static void decidePause(ProcessInstance pi, String decision) {
        complete(task(Rectification.TASK_APPROVE_PAUSE, pi), withVariables(Rectification.PAUSE_DECISION, decision,
                Rectification.PAUSE_COMMENT, "意见"));
    }

    @Test
    void shouldKeepTheClockRunningWhileAPauseIsAskedAndStopItOnlyWhenApproved() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        askForPause(pi);
        assertThat(pi).isWaitingAt("Task_ApprovePause").hasPassed("Task_RequestPause");
        assertThat(task(Rectification.TASK_APPROVE_PAUSE, pi)).hasCandidateGroup("LEGAL_CAPTAIN");
        assertThat(job("Timer_PauseLapse", pi)).isNotNull();

        decidePause(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_PauseClock").isWaitingAt("Task_AwaitInstruction");
        assertThat(job("Timer_Urge", pi)).isNull();
        complete(task(Rectification.TASK_AWAIT_INSTRUCTION, pi),
                withVariables(Rectification.INSTRUCTION_SUMMARY, "同意按方案整改"));
        assertThat(pi).hasPassed("Task_ResumeClock").isWaitingAt("Task_Rectify");
        assertThat(steps).containsSubsequence("requestPause", "pauseClock", "resumeClock");
        assertThat(runtimeService().getVariables(pi.getId())).containsKey(Rectification.RECTIFY_DUE);
    }

    @Test
    void shouldSendTheUnitBackToRectifyWhenThePauseIsRejected() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        askForPause(pi);
        decidePause(pi, "REJECT");
        assertThat(pi).hasPassed("Gateway_PauseNotApproved", "Task_DenyPause").isWaitingAt("Task_Rectify");
        assertThat(steps).contains("denyPause").doesNotContain("pauseClock");
    }

    @Test
    void shouldLapseARequestNobodyDecidedByTheDeadlineAndUrge() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        askForPause(pi);
        fire("Timer_PauseLapse", pi);
        assertThat(pi).hasPassed("Task_DenyPause").isWaitingAt("Task_Rectify");
        execute(job("Timer_Urge", pi));
        assertThat(pi).hasPassed("Task_Urge");
    }

    @Test
    void shouldResumeTheClockByItselfWhenThePauseAllowanceIsSpent() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        askForPause(pi);
        decidePause(pi, "APPROVE");
        fire("Timer_PauseExpired", pi);
        assertThat(pi).hasPassed("Task_ExpirePause").isWaitingAt("Task_Rectify");
        assertThat(steps).containsSubsequence("pauseClock", "resumeClock");
        report(pi);
        review(pi, "APPROVE");
        assertThat(pi).isEnded();
    }

    @Test
    void shouldTellTheCaptainWhenTheReviewIsDueAndChaseTheReviewerDaily() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        report(pi);
        fire("Timer_ReviewOverdue", pi);
        fire("Timer_ReviewChase", pi);
        fire("Timer_ReviewChase", pi);
        assertThat(pi).hasPassed("Task_ReviewOverdue", "End_ReviewOverdueTold", "Task_ReviewChase",
                "End_ReviewChased").isWaitingAt("Task_Review");
        assertThat(steps).containsSubsequence("Task_ReviewOverdue", "Task_ReviewChase", "Task_ReviewChase");
    }

    @Test
    void shouldTellTheLeadersWhenTheTalkAndTheInterviewAreOverdue() {
        ProcessInstance pi = register("PROCURATORIAL_SUPERVISION", false);
        fire("Timer_TalkOverdue", pi);
        assertThat(pi).hasPassed("Task_TalkOverdue", "End_TalkOverdueTold").isWaitingAt("Task_DisciplineTalk");
        runtimeService().correlateMessage(Rectification.MESSAGE_RAISE_LEVEL, "1");
        fire("Timer_InterviewOverdue", pi);
        assertThat(pi).hasPassed("Task_InterviewOverdue", "End_InterviewOverdueTold");
    }

    @Test
    void shouldTakeAReviewCommentWithEachDecisionOnTwoRounds() {
        ProcessInstance pi = register("PROCURATORIAL_SUPERVISION", false);
        sign(pi);
        report(pi);
        complete(task(Rectification.TASK_REVIEW, pi), withVariables(Rectification.REVIEW_DECISION, "RETURN",
                Rectification.REVIEW_COMMENT, "A"));
        assertThat(pi).hasPassed("Task_CountRepeat", "Task_RestartClock").isWaitingAt("Task_Rectify");
        report(pi);
        complete(task(Rectification.TASK_REVIEW, pi), withVariables(Rectification.REVIEW_DECISION, "APPROVE",
                Rectification.REVIEW_COMMENT, "B"));
        assertThat(pi).hasPassed("Task_Close", "End_Closed");
    }

    private static List<org.camunda.bpm.engine.task.Task> instructionTasks(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Rectification.TASK_SUPERVISE_INSTRUCTION).list();
    }

    private static void instruct(org.camunda.bpm.engine.task.Task task, String kind, String text) {
        taskService().complete(task.getId(), withVariables(Rectification.INSTRUCTION_KIND, kind,
                Rectification.INSTRUCTION, text));
    }

    /** Past the grace period of a signed problem: 督办 (and, below red, the level rises). */
    private static ProcessInstance supervised() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        sign(pi);
        fire("Timer_Supervise", pi);
        return pi;
    }

    @Test
    void shouldGiveTheDeputyLeaderAnInstructionTaskAtSuperviseThatTheRaiseDoesNotCancel() {
        ProcessInstance pi = supervised();
        assertThat(pi).hasPassed("Throw_SuperviseInstruction", "StartEvent_Supervised", "Task_Supervise",
                "EscalationEnd_Raise", "Task_RaiseLevel");
        assertThat(level(pi)).isEqualTo("YELLOW");
        List<org.camunda.bpm.engine.task.Task> open = instructionTasks(pi);
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).hasCandidateGroup("DEPUTY_LEADER");
        assertThat(open.get(0).getName()).isEqualTo("督办批示");
        assertThat(open.get(0).getDueDate()).isEqualTo(job("Timer_InstructionOverdue", pi).getDuedate());
        // the unit's clock is its own: rectification goes on at the new level beside the instruction
        assertThat(pi).isWaitingAt("Task_Rectify", "Task_SuperviseInstruction", "Task_DisciplineTalk");

        instruct(open.get(0), Rectification.KIND_INSTRUCT, "限三日内整改到位");
        assertThat(pi).hasPassed("End_Instructed");
        assertThat(instructionTasks(pi)).isEmpty();
        assertThat(job("Timer_InstructionOverdue", pi)).isNull();
        assertThat(pi).isWaitingAt("Task_Rectify");
    }

    @Test
    void shouldOpenOneInstructionPerSuperviseEachWithItsOwnAnswer() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        execute(job("Timer_SignOverdue", pi));
        assertThat(pi).hasPassed("Throw_SignInstruction", "Task_SignSupervise", "EscalationEnd_SignRaise");
        execute(job("Timer_SignOverdue", pi));
        List<org.camunda.bpm.engine.task.Task> open = instructionTasks(pi);
        assertThat(open).hasSize(2);

        instruct(open.get(0), Rectification.KIND_READ, null);
        org.camunda.bpm.engine.task.Task other = instructionTasks(pi).get(0);
        assertThat(taskService().getVariable(other.getId(), Rectification.INSTRUCTION_KIND)).isNull();
        instruct(other, Rectification.KIND_INSTRUCT, "立即签收");
        assertThat(instructionTasks(pi)).isEmpty();
        assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(Rectification.INSTRUCTION_KIND,
                Rectification.INSTRUCTION, Rectification.INSTRUCTION_DUE);
    }

    @Test
    void shouldTellTheChiefWhenTheInstructionIsOverdueAndKeepTheTaskOpen() {
        ProcessInstance pi = supervised();
        Date rectifyDue = (Date) runtimeService().getVariable(pi.getId(), Rectification.RECTIFY_DUE);
        fire("Timer_InstructionOverdue", pi);
        assertThat(pi).hasPassed("Task_InstructionOverdue", "End_InstructionOverdueTold");
        assertThat(steps).contains("instructionOverdue");
        assertThat(instructionTasks(pi)).hasSize(1);
        assertThat(runtimeService().getVariable(pi.getId(), Rectification.RECTIFY_DUE)).isEqualTo(rectifyDue);
    }

    @Test
    void shouldWithdrawAnOpenInstructionWhenTheProblemCloses() {
        ProcessInstance pi = register("HOTLINE_12345", false);
        fire("Timer_SignOverdue", pi);
        sign(pi);
        complete(task(Rectification.TASK_DISCIPLINE_TALK, pi));
        report(pi);
        review(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_Close", "Condition_ProblemClosed", "End_InstructionWithdrawn").isEnded();
    }

    @Test
    void shouldVoidAProblemWithItsInstructionOpen() {
        ProcessInstance pi = supervised();
        assertThat(instructionTasks(pi)).hasSize(1);
        runtimeService().deleteProcessInstance(pi.getId(), "作废：重复登记", true, true);
        assertThat(pi).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
