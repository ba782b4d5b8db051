package cn.jiandu.escalation;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The rectification clock asked to stop, stopped, started again and restarted. */
final class ClockDelegates {

    private ClockDelegates() {
    }

    /** What the rectify and approve-pause forms asked; a new request starts with empty forms. */
    private static void forgetRequest(DelegateExecution execution) {
        execution.removeVariable(Rectification.PAUSE_REASON);
        execution.removeVariable(Rectification.PAUSE_DETAIL);
        execution.removeVariable(Rectification.PAUSE_DECISION);
        execution.removeVariable(Rectification.PAUSE_COMMENT);
        execution.removeVariable(Rectification.PAUSE_DECIDED_BY);
        execution.setVariable(Rectification.RECTIFY_OUTCOME, null);
    }

    /**
     * Only the legal brigade captain (or the administrator) decides a pause: a legal officer's
     * right to complete any task on the bureau's behalf does not reach it. Checked in the
     * steps the decision leads to, in the completion's transaction (a task listener's
     * exception would reach the caller as a 500).
     */
    private static void requireCaptain(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            return; // the engine's own call, a timer
        }
        java.util.List<String> groups = current.getGroupIds() == null ? java.util.List.of() : current.getGroupIds();
        if (!groups.contains(Rectification.GROUP_LEGAL_CAPTAIN)
                && !groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
            throw new org.camunda.bpm.engine.AuthorizationException(current.getUserId(),
                    org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK.getName(), "Task",
                    Rectification.TASK_APPROVE_PAUSE);
        }
    }

    private static Date date(DelegateExecution execution, String name) {
        return (Date) execution.getVariable(name);
    }

    /** 申请暂停计时: the unit's request is stored; the clock still runs. */
    @Component("requestPause")
    static class Request implements JavaDelegate {
        private final Pauses pauses;

        Request(Pauses pauses) {
            this.pauses = pauses;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Authentication user = execution.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            execution.setVariable(Rectification.PAUSE_ID, pauses.request(Variables.problemId(execution),
                    user == null ? null : user.getUserId(), Variables.text(execution, Rectification.PAUSE_REASON),
                    Variables.text(execution, Rectification.PAUSE_DETAIL)));
        }
    }

    /** 暂停未获批准: rejected or lapsed; the deadline stays, the reminders start again from now. */
    @Component("denyPause")
    static class Deny implements JavaDelegate {
        private final Pauses pauses;

        Deny(Pauses pauses) {
            this.pauses = pauses;
        }

        @Override
        public void execute(DelegateExecution execution) {
            requireCaptain(execution);
            // decided by a person (the task's completion names him), else lapsed at the deadline
            String by = Variables.text(execution, Rectification.PAUSE_DECIDED_BY);
            boolean rejected = by != null;
            Clocks clocks = pauses.deny(Variables.problemId(execution), Variables.level(execution),
                    Variables.text(execution, Rectification.DEADLINE_RULES),
                    ((Number) execution.getVariable(Rectification.PAUSE_ID)).longValue(),
                    rejected ? by : null,
                    date(execution, Rectification.RECTIFY_DUE), date(execution, Rectification.GRACE_DUE));
            execution.setVariable(Rectification.REMIND_AT, Date.from(clocks.remindAt().toInstant()));
            execution.setVariable(Rectification.REMINDER_CYCLE, clocks.reminderCycle());
            forgetRequest(execution);
            execution.removeVariable(Rectification.PAUSE_ID);
        }
    }

    /** 暂停整改时钟: approved; the clock stands until the unit resumes or the allowance is spent. */
    @Component("pauseClock")
    static class Pause implements JavaDelegate {
        private final Pauses pauses;
        private final EscalationService escalation;

        Pause(Pauses pauses, EscalationService escalation) {
            this.pauses = pauses;
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object pauseId = execution.getVariable(Rectification.PAUSE_ID);
            if (!(pauseId instanceof Number id)) {
                // a process of the model before approvals: the old pause, keeping the time left
                Map<String, Object> kept = escalation.pause(Variables.problemId(execution),
                        date(execution, Rectification.RECTIFY_DUE), date(execution, Rectification.GRACE_DUE),
                        Variables.text(execution, Rectification.WAIT_REASON));
                execution.setVariables(kept);
                return;
            }
            requireCaptain(execution);
            String by = Variables.text(execution, Rectification.PAUSE_DECIDED_BY);
            Pauses.Started started = pauses.start(Variables.problemId(execution), Variables.level(execution),
                    Variables.text(execution, Rectification.DEADLINE_RULES), id.longValue(),
                    by == null ? EscalationService.SYSTEM : by);
            execution.setVariable(Rectification.PAUSE_STARTED_AT, started.from());
            execution.setVariable(Rectification.PAUSE_ENDS_AT, started.endsAt());
            execution.setVariable(Rectification.PAUSE_ENDS_AT_TEXT, started.endsAtText());
        }
    }

    /**
     * 恢复整改时钟 (the unit resumes) and 暂停期满恢复计时 (the allowance is spent): the deadline
     * moves by the working days paused.
     */
    @Component("resumeClock")
    static class Resume implements JavaDelegate {
        private final Pauses pauses;
        private final EscalationService escalation;

        Resume(Pauses pauses, EscalationService escalation) {
            this.pauses = pauses;
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Date from = date(execution, Rectification.PAUSE_STARTED_AT);
            Object pauseId = execution.getVariable(Rectification.PAUSE_ID);
            Clocks clocks;
            if (from == null || !(pauseId instanceof Number id)) {
                // a process of the model before approvals
                clocks = escalation.resume(Variables.problemId(execution), Variables.level(execution),
                        Variables.text(execution, Rectification.DEADLINE_RULES),
                        ((Number) execution.getVariable(Rectification.TIME_LEFT_MILLIS)).longValue(),
                        ((Number) execution.getVariable(Rectification.GRACE_MILLIS)).longValue());
            } else {
                clocks = pauses.resume(Variables.problemId(execution), Variables.level(execution),
                        Variables.text(execution, Rectification.DEADLINE_RULES), id.longValue(), from,
                        date(execution, Rectification.PAUSE_ENDS_AT), date(execution, Rectification.RECTIFY_DUE),
                        date(execution, Rectification.GRACE_DUE),
                        Rectification.TASK_EXPIRE_PAUSE.equals(execution.getCurrentActivityId()));
            }
            execution.setVariables(clocks.variables());
            forgetRequest(execution);
            execution.removeVariable(Rectification.PAUSE_ID);
            execution.removeVariable(Rectification.PAUSE_STARTED_AT);
            execution.removeVariable(Rectification.PAUSE_ENDS_AT);
            execution.removeVariable(Rectification.PAUSE_ENDS_AT_TEXT);
            execution.removeVariable(Rectification.INSTRUCTION_SUMMARY);
            execution.removeVariable(Rectification.INSTRUCTION_BY);
        }
    }

    /** 重新计算整改期限: after a return at yellow or red, a full new period at the same level. */
    @Component("restartClock")
    static class Restart implements JavaDelegate {
        private final EscalationService escalation;

        Restart(EscalationService escalation) {
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Clocks clocks = escalation.restart(Variables.problemId(execution), Variables.level(execution),
                    Variables.text(execution, Rectification.DEADLINE_RULES));
            execution.setVariables(clocks.variables());
        }
    }
}
