package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The three-level follow-up (三级联治) on an open problem: the reminder before the deadline,
 * the legal brigade captain's urging at the deadline, the deputy leader's supervision past
 * the grace period; for the signing clock the same two steps on its own, shorter, times.
 */
final class FollowUpDelegates {

    private FollowUpDelegates() {
    }

    @Component("remind")
    static class Remind implements JavaDelegate {
        private final FollowUp followUp;

        Remind(FollowUp followUp) {
            this.followUp = followUp;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object sent = execution.getVariable(Rectification.REMINDERS_SENT);
            int count = sent instanceof Number n ? n.intValue() : 0;
            if (followUp.remind(Variables.problemId(execution), Variables.level(execution),
                    (java.util.Date) execution.getVariable(Rectification.RECTIFY_DUE),
                    Variables.text(execution, Rectification.RECTIFY_DUE_TEXT), count)) {
                execution.setVariable(Rectification.REMINDERS_SENT, count + 1);
                execution.setVariable(Rectification.REMINDED, true);
            }
        }
    }

    @Component("urge")
    static class Urge implements JavaDelegate {
        private final FollowUp followUp;

        Urge(FollowUp followUp) {
            this.followUp = followUp;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean signing = Rectification.TASK_SIGN_URGE.equals(execution.getCurrentActivityId());
            followUp.urge(Variables.problemId(execution), Variables.level(execution), signing,
                    (java.util.Date) execution.getVariable(signing ? Rectification.SIGN_DUE : Rectification.RECTIFY_DUE));
            if (!signing) {
                execution.setVariable(Rectification.OVERDUE, true);
            }
        }
    }

    @Component("supervise")
    static class Supervise implements JavaDelegate {
        private final FollowUp followUp;

        Supervise(FollowUp followUp) {
            this.followUp = followUp;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean signing = Rectification.TASK_SIGN_SUPERVISE.equals(execution.getCurrentActivityId());
            execution.setVariable(Rectification.RAISE_REASON,
                    followUp.supervise(Variables.problemId(execution), Variables.level(execution), signing,
                            (java.util.Date) execution.getVariable(signing ? Rectification.SIGN_GRACE_DUE
                                    : Rectification.GRACE_DUE)));
            execution.setVariable(Rectification.OVERDUE, true);
            execution.setVariable(Rectification.LEVEL_TRIGGER,
                    signing ? Rectification.TRIGGER_SIGN_OVERDUE : Rectification.TRIGGER_SLOW);
        }
    }

    /**
     * Tasks past their due date: the review (the legal brigade captain at the due date, the
     * reviewers each working day after), the discipline talk and the leadership interview
     * (the deputy leader and the committee).
     */
    @Component("chase")
    static class Chase implements JavaDelegate {
        private final FollowUp followUp;

        Chase(FollowUp followUp) {
            this.followUp = followUp;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object repeats = execution.getVariable(Rectification.REPEAT_COUNT);
            followUp.overdue(Variables.problemId(execution), Variables.level(execution),
                    execution.getCurrentActivityId(), repeats instanceof Number n ? n.intValue() : 0);
        }
    }
}
