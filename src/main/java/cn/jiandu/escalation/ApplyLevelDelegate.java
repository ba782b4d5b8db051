package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.level.Level;

/** 进入预警等级: the clocks of the level, its score deduction and its timeline entry. */
@Component("applyLevel")
class ApplyLevelDelegate implements JavaDelegate {

    private final EscalationService escalation;

    ApplyLevelDelegate(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Level level = Variables.level(execution);
        Clocks clocks = escalation.enterLevel(Variables.problemId(execution), level,
                Boolean.TRUE.equals(execution.getVariable(Rectification.SIGNED)),
                (String) execution.getVariable(Rectification.DEADLINE_RULES),
                (String) execution.getVariable(Rectification.RAISE_REASON),
                (String) execution.getVariable(Rectification.RAISED_BY));
        execution.setVariables(clocks.variables());
        execution.setVariable(Rectification.LEVEL_LABEL, level.label());
        Object raisedBy = execution.getVariable(Rectification.RAISED_BY);
        if (raisedBy != null) {
            // the level's document names who raised it
            execution.setVariable(Rectification.LEVEL_TRIGGER_BY, raisedBy);
        }
        execution.removeVariable(Rectification.RAISE_REASON);
        execution.removeVariable(Rectification.RAISED_BY);
    }
}
