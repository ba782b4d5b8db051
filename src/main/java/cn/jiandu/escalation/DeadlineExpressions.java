package cn.jiandu.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${deadlines.due(execution, 'reviewDays')}} in rectification.bpmn: the due date of a
 * task from the problem's fixed deadline rules and the working-day calendar.
 */
@Component("deadlines")
public class DeadlineExpressions {

    private final EscalationService escalation;

    DeadlineExpressions(EscalationService escalation) {
        this.escalation = escalation;
    }

    public Date due(DelegateExecution execution, String field) {
        return escalation.due(Variables.text(execution, Rectification.DEADLINE_RULES), Variables.level(execution),
                field);
    }
}
