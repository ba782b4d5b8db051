package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 锁定期限规则: the problem keeps the deadlines.dmn it was registered under. */
@Component("fixDeadlineRules")
class FixDeadlineRulesDelegate implements JavaDelegate {

    private final EscalationService escalation;

    FixDeadlineRulesDelegate(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Rectification.DEADLINE_RULES,
                escalation.fixRules((String) execution.getVariable(Rectification.CATEGORY)));
    }
}
