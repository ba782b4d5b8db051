package cn.jiandu.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.jiandu.engine.ModelExpressions;

/**
 * {@code ${deadlines.due(execution, 'reviewDays')}} in rectification.bpmn: the due date of a
 * task from the problem's fixed deadline rules and the working-day calendar.
 */
@ModelExpressions
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

    /** {@code ${deadlines.dueInHours(execution, 'instructionHours')}}: natural hours from now. */
    public Date dueInHours(DelegateExecution execution, String field) {
        return escalation.dueInHours(Variables.text(execution, Rectification.DEADLINE_RULES),
                Variables.level(execution), field);
    }

    /**
     * {@code ${deadlines.dailyAfter(execution, 'reviewDays')}}: a timer cycle firing at 09:00
     * every day after the due date of the field; the step it starts skips non-working days.
     */
    public String dailyAfter(DelegateExecution execution, String field) {
        java.time.ZonedDateTime first = due(execution, field).toInstant().atZone(cn.jiandu.time.Times.CHINA)
                .toLocalDate().plusDays(1).atTime(9, 0).atZone(cn.jiandu.time.Times.CHINA);
        return "R" + MAX_DAILY + "/" + first.toOffsetDateTime() + "/P1D";
    }

    /** A year of days: a task overdue longer is a matter for people, not for one more message. */
    private static final int MAX_DAILY = 366;
}
