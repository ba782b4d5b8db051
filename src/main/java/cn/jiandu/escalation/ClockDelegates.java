package cn.jiandu.escalation;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The rectification clock stopped, started again and restarted. */
final class ClockDelegates {

    private ClockDelegates() {
    }

    /** 暂停整改时钟: keeps the time that was left. */
    @Component("pauseClock")
    static class Pause implements JavaDelegate {
        private final EscalationService escalation;

        Pause(EscalationService escalation) {
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> kept = escalation.pause(Variables.problemId(execution),
                    (Date) execution.getVariable(Rectification.RECTIFY_DUE),
                    (Date) execution.getVariable(Rectification.GRACE_DUE),
                    Variables.text(execution, Rectification.WAIT_REASON));
            execution.setVariables(kept);
        }
    }

    /** 恢复整改时钟: the deadline moves by as long as the wait lasted. */
    @Component("resumeClock")
    static class Resume implements JavaDelegate {
        private final EscalationService escalation;

        Resume(EscalationService escalation) {
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Clocks clocks = escalation.resume(Variables.problemId(execution), Variables.level(execution),
                    Variables.text(execution, Rectification.DEADLINE_RULES),
                    ((Number) execution.getVariable(Rectification.TIME_LEFT_MILLIS)).longValue(),
                    ((Number) execution.getVariable(Rectification.GRACE_MILLIS)).longValue());
            execution.setVariables(clocks.variables());
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
