package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.level.Level;

/** 提升预警等级: blue → yellow → red; at red nothing rises and the flow says so. */
@Component("raiseLevel")
class RaiseLevelDelegate implements JavaDelegate {

    private final EscalationService escalation;

    RaiseLevelDelegate(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Level current = Variables.level(execution);
        Level next = escalation.raise(current);
        execution.setVariable(Rectification.LEVEL_RAISED, next != current);
        if (next == current) {
            // red stays red: nobody's raise is pending for the next level
            execution.removeVariable(Rectification.RAISED_BY);
        }
        execution.setVariable(Rectification.LEVEL, next.name());
        Object reason = execution.getVariableLocal(Rectification.REASON);
        if (reason != null && execution.getVariable(Rectification.RAISE_REASON) == null) {
            execution.setVariable(Rectification.RAISE_REASON, reason.toString());
        }
    }
}
