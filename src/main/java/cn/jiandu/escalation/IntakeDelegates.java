package cn.jiandu.escalation;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.engine.DecisionTables;
import cn.jiandu.intake.CallbackRecord;
import cn.jiandu.intake.CallbackStatus;
import cn.jiandu.intake.IntakeStatus;
import cn.jiandu.intake.IntakeTriage;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.security.Role;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;

/**
 * The steps of intake.bpmn (诉求受理与回访). Thin: each reads the process's variables, asks
 * {@link IntakeTriage} to do the work and writes back what the model's gateways read.
 */
final class IntakeDelegates {

    private IntakeDelegates() {
    }

    static long intakeId(DelegateExecution execution) {
        Object id = execution.getVariable(IntakeFlow.INTAKE_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("The process has no intakeId");
        }
        return number.longValue();
    }

    /** 载入诉求: what the tasks show of the ticket; nothing of the complainant but the masked name. */
    @Component("loadIntake")
    static class Load implements JavaDelegate {
        private final IntakeTriage intakes;

        Load(IntakeTriage intakes) {
            this.intakes = intakes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = intakeId(execution);
            IntakeTriage.Facts facts = intakes.facts(id);
            execution.setVariable(IntakeFlow.SOURCE_NAME, facts.sourceName());
            execution.setVariable(IntakeFlow.SOURCE_KIND, facts.sourceKind());
            execution.setVariable(IntakeFlow.TICKET, facts.ticket());
            execution.setVariable(IntakeFlow.TICKET_NO, facts.ticketNo());
            execution.setVariable(IntakeFlow.RECEIVED_AT_TEXT, facts.receivedAtText());
            execution.setVariable(IntakeFlow.CONTENT, facts.content());
            execution.setVariable(IntakeFlow.UNIT_HINT, facts.unitHint() == null ? "" : facts.unitHint());
            execution.setVariable(IntakeFlow.INCIDENT_NO, facts.incidentNo() == null ? "" : facts.incidentNo());
            execution.setVariable(IntakeFlow.CASE_NO, facts.caseNo() == null ? "" : facts.caseNo());
            execution.setVariable(IntakeFlow.COMPLAINANT_NAME, facts.complainantName());
            execution.setVariable(IntakeFlow.CALLBACK_CHANNEL, facts.callbackChannel());
            execution.setVariable(IntakeFlow.LEDGER_MATCH, intakes.ledgerMatch(id));
            execution.setVariable(IntakeFlow.INTAKE_URL, IntakeFlow.intakeUrl(id));
            execution.setVariable(IntakeFlow.CONTACT_URL, IntakeFlow.intakeUrl(id) + "/contact");
            execution.setVariable(IntakeFlow.SENSITIVE, false);
        }
    }

    /** 锁定回访时限: the ticket keeps the intake-deadlines.dmn it came in under. */
    @Component("fixIntakeRules")
    static class FixRules implements JavaDelegate {
        private final DecisionTables decisions;

        FixRules(DecisionTables decisions) {
            this.decisions = decisions;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<Map<String, Object>> matched = decisions.latest(IntakeFlow.DECISION_DEADLINES)
                    .evaluate(Map.of(IntakeFlow.SOURCE_KIND, execution.getVariable(IntakeFlow.SOURCE_KIND)));
            if (matched.size() != 1) {
                throw new IllegalStateException(IntakeFlow.DECISION_DEADLINES + " gave " + matched.size()
                        + " rules for " + execution.getVariable(IntakeFlow.SOURCE_KIND) + "; it must give one");
            }
            for (String field : List.of(IntakeFlow.TRIAGE_DAYS, IntakeFlow.CALLBACK_DAYS,
                    IntakeFlow.SECOND_CALLBACK_DAYS, IntakeFlow.CALLBACK_ATTEMPTS)) {
                Object value = matched.get(0).get(field);
                execution.setVariable(field, value instanceof Number n ? n.intValue() : 1);
            }
        }
    }

    /** The triage's decision as the form left it in the process. */
    static IntakeTriage.Decision decision(DelegateExecution execution) {
        Object problemId = execution.getVariable(IntakeFlow.PROBLEM_ID);
        return new IntakeTriage.Decision(Variables.text(execution, IntakeFlow.TRIAGE_DECISION),
                Variables.text(execution, IntakeFlow.UNIT_CODE), Variables.text(execution, IntakeFlow.CATEGORY),
                Variables.text(execution, IntakeFlow.OFFICER_NO),
                Boolean.TRUE.equals(execution.getVariable(IntakeFlow.SENSITIVE)),
                problemId instanceof Number n ? n.longValue() : null, Variables.text(execution, IntakeFlow.REFER_TO),
                Variables.text(execution, IntakeFlow.TRIAGE_REASON));
    }

    static String actor(DelegateExecution execution) {
        String by = Variables.text(execution, IntakeFlow.TRIAGED_BY);
        return by == null ? EscalationService.SYSTEM : by;
    }

    /** 立案交办: a problem registered from the ticket; its process starts in this transaction. */
    @Component("acceptIntake")
    static class Accept implements JavaDelegate {
        private final IntakeTriage intakes;

        Accept(IntakeTriage intakes) {
            this.intakes = intakes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long problemId = intakes.accept(intakeId(execution), decision(execution), actor(execution));
            execution.setVariable(IntakeFlow.PROBLEM_ID, problemId);
            execution.setVariable(IntakeFlow.PROBLEM_URL, Rectification.problemUrl(problemId));
        }
    }

    /** 合并: the ticket joins an open problem of the same matter. */
    @Component("mergeIntake")
    static class Merge implements JavaDelegate {
        private final IntakeTriage intakes;
        private final ProblemService problems;

        Merge(IntakeTriage intakes, ProblemService problems) {
            this.intakes = intakes;
            this.problems = problems;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long problemId = ((Number) execution.getVariable(IntakeFlow.PROBLEM_ID)).longValue();
            intakes.merge(intakeId(execution), problemId, actor(execution));
            execution.setVariable(IntakeFlow.SENSITIVE, problems.get(problemId).sensitive());
            execution.setVariable(IntakeFlow.PROBLEM_URL, Rectification.problemUrl(problemId));
        }
    }

    /** 转其他部门 / 不予受理: the ticket leaves triage with the reason. */
    @Component("closeTriage")
    static class CloseTriage implements JavaDelegate {
        private final IntakeTriage intakes;

        CloseTriage(IntakeTriage intakes) {
            this.intakes = intakes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            IntakeTriage.Decision d = decision(execution);
            boolean refer = IntakeTriage.REFER.equals(d.decision());
            intakes.close(intakeId(execution), refer ? IntakeStatus.REFERRED : IntakeStatus.REJECTED,
                    refer ? d.referTo() : null, d.reason(), actor(execution));
            execution.setVariable(IntakeFlow.PROBLEM_ID, null);
        }
    }

    /**
     * 安排回访: the call's round and attempt (a first call, another try after nobody answered,
     * the next round after a reached call), its due time, and the intake waiting for it.
     */
    @Component("scheduleCallback")
    static class Schedule implements JavaDelegate {
        private final IntakeTriage intakes;
        private final IntakeClocks clocks;

        Schedule(IntakeTriage intakes, IntakeClocks clocks) {
            this.intakes = intakes;
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = intakeId(execution);
            List<CallbackRecord> calls = intakes.calls(id);
            int round = 1;
            int attempt = 1;
            if (!calls.isEmpty()) {
                CallbackRecord last = calls.get(calls.size() - 1);
                boolean retry = !last.outcome().reached();
                round = retry ? last.round() : last.round() + 1;
                attempt = retry ? last.attempt() + 1 : 1;
            }
            intakes.callbackDue(id);
            execution.setVariable(IntakeFlow.CALLBACK_ROUND, round);
            execution.setVariable(IntakeFlow.CALLBACK_ATTEMPT, attempt);
            // a try again is due the day it is made; a new round has the channel's days
            Date due = attempt > 1 ? clocks.endOfToday() : clocks.due(execution, IntakeFlow.CALLBACK_DAYS);
            execution.setVariable(IntakeFlow.CALLBACK_DUE, due);
        }
    }

    /**
     * 办结: the intake is closed with its call back status final: the step's input
     * {@code finalStatus} when the model gives one (UNREACHABLE 无法联系), else as it stands.
     */
    @Component("finishIntake")
    static class Finish implements JavaDelegate {
        private final IntakeTriage intakes;

        Finish(IntakeTriage intakes) {
            this.intakes = intakes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = intakeId(execution);
            String given = Variables.text(execution, IntakeFlow.FINAL_STATUS);
            CallbackStatus status = given == null || given.isBlank() ? intakes.callbackStatus(id)
                    : CallbackStatus.valueOf(given);
            if (status == CallbackStatus.WAITING || status == CallbackStatus.PENDING) {
                status = CallbackStatus.NONE;
            }
            intakes.finish(id, status);
        }
    }

    /**
     * 问题重新整改: the captain reopened the closed problem after a dissatisfied call back:
     * rectification.bpmn starts again at its message start, one level higher, its clock new.
     */
    @Component("requestReopen")
    static class RequestReopen implements JavaDelegate {
        private final RuntimeService runtime;
        private final ProblemService problems;

        RequestReopen(RuntimeService runtime, ProblemService problems) {
            this.runtime = runtime;
            this.problems = problems;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long problemId = ((Number) execution.getVariable(IntakeFlow.PROBLEM_ID)).longValue();
            Problem problem = problems.get(problemId);
            if (problem.status() != ProblemStatus.CLOSED) {
                // reopened already (another ticket of the same problem), or voided: nothing to start
                return;
            }
            runtime.createMessageCorrelation(IntakeFlow.MESSAGE_REOPEN_PROBLEM)
                    .processInstanceBusinessKey(String.valueOf(problemId))
                    .setVariable(Rectification.PROBLEM_ID, problemId)
                    .setVariable(Rectification.RAISED_BY, Variables.text(execution, IntakeFlow.REVIEWED_BY))
                    .setVariable(Rectification.RAISE_REASON, "回访不满意，法制大队长复核决定重新整改："
                            + Variables.text(execution, IntakeFlow.CALLBACK_REVIEW_NOTE))
                    .correlateStartMessage();
        }
    }

    /**
     * 超期提醒: a triage, a call back or its review past its due time: the legal department
     * (the captain for the review) hears of it once a day. The message names the ticket, never
     * the complainant.
     */
    @Component("intakeOverdue")
    static class Overdue implements JavaDelegate {
        private final Notifications notifications;
        private final cn.jiandu.calendar.WorkCalendar calendar;
        private final java.time.Clock clock;

        Overdue(Notifications notifications, cn.jiandu.calendar.WorkCalendar calendar, java.time.Clock clock) {
            this.notifications = notifications;
            this.calendar = calendar;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            java.time.LocalDate today = clock.instant().atZone(Times.CHINA).toLocalDate();
            if (!calendar.isWorkingDay(today)) {
                return;
            }
            String activity = execution.getCurrentActivityId();
            boolean triage = IntakeFlow.TASK_TRIAGE_OVERDUE.equals(activity);
            boolean review = IntakeFlow.TASK_REVIEW_OVERDUE.equals(activity);
            NotificationStep step = triage ? NotificationStep.TRIAGE_OVERDUE : NotificationStep.CALLBACK_OVERDUE;
            String what = triage ? "分派" : review ? "回访复核" : "回访";
            String ticket = Variables.text(execution, IntakeFlow.TICKET);
            String markdown = "### " + step.label() + "\n\n群众诉求 **" + ticket + "** 的" + what + "已超过办理期限，请尽快办理。\n\n"
                    + "受理时间：" + Variables.text(execution, IntakeFlow.RECEIVED_AT_TEXT) + "\n\n提醒时间："
                    + ChineseDates.dateTime(clock.instant().atZone(Times.CHINA));
            List<Role> roles = review ? List.of(Role.LEGAL_CAPTAIN) : List.of(Role.LEGAL_OFFICER, Role.LEGAL_CAPTAIN);
            notifications.roleNotice(roles, step, intakeId(execution) + ":" + activity + ":" + today,
                    "【" + step.label() + "】" + ticket, markdown, "/intakes/" + intakeId(execution));
        }
    }

    /** 转入回访 (rectification.bpmn): the tickets of an approved problem go on to their call back. */
    @Component("notifyIntakes")
    static class NotifyIntakes implements JavaDelegate {
        private final IntakeProcess intakeProcess;
        private final ProblemService problems;

        NotifyIntakes(IntakeProcess intakeProcess, ProblemService problems) {
            this.intakeProcess = intakeProcess;
            this.problems = problems;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long problemId = Variables.problemId(execution);
            if (problems.get(problemId).status() == ProblemStatus.CLOSED) {
                intakeProcess.problemApproved(problemId);
            }
        }
    }
}
