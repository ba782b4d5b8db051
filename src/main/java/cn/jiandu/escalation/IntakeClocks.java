package cn.jiandu.escalation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.engine.ModelExpressions;
import cn.jiandu.time.Times;

/**
 * The clocks of intake.bpmn on the working-day calendar: {@code ${intakeClocks.due(execution,
 * 'triageDays')}} for a task's due time, {@code ${intakeClocks.dailyFrom(...)}} for the
 * reminders from that time on, the next working morning for another try at a call back and the
 * second call back of a sensitive problem.
 */
@ModelExpressions
@Component("intakeClocks")
public class IntakeClocks {

    /** The hour calls are made at: a try again, a second call back. */
    private static final int MORNING = 9;
    /** A year of days: a task overdue longer is a matter for people, not for one more message. */
    private static final int MAX_DAILY = 366;

    private final WorkCalendar calendar;
    private final Clock clock;

    IntakeClocks(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The end of the n-th working day from now, n being the process's variable {@code field}. */
    public Date due(VariableScope execution, String field) {
        return Date.from(calendar.deadline(now(), days(execution, field), PeriodUnit.WORKING_DAYS).toInstant());
    }

    /**
     * A timer cycle firing at the due time of {@code field} and then every day at 09:00: the
     * step it starts tells the legal department the task is overdue (超期提醒).
     */
    public String dailyFrom(VariableScope execution, String field) {
        ZonedDateTime first = due(execution, field).toInstant().atZone(Times.CHINA);
        return cycle(first);
    }

    /** The same cycle from a due date the process holds ({@code callbackDue}). */
    public String dailyFromDate(Object due) {
        return cycle(((Date) due).toInstant().atZone(Times.CHINA));
    }

    private static String cycle(ZonedDateTime first) {
        return "R" + MAX_DAILY + "/" + first.toOffsetDateTime() + "/P1D";
    }

    /** The end of today: another try at a call back is made the day it is due. */
    Date endOfToday() {
        return Date.from(now().toLocalDate().atTime(23, 59, 59).atZone(Times.CHINA).toInstant());
    }

    /** 09:00 of the next working day: another try at an unreached complainant. */
    Date nextWorkingMorning() {
        return Date.from(calendar.plusWorkingDays(now().toLocalDate(), 1).atTime(MORNING, 0).atZone(Times.CHINA)
                .toInstant());
    }

    /** 09:00 of the n-th working day from now: the second call back of a sensitive problem. */
    Date workingMorningAfter(int days) {
        return Date.from(calendar.plusWorkingDays(now().toLocalDate(), Math.max(1, days)).atTime(MORNING, 0)
                .atZone(Times.CHINA).toInstant());
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(Times.CHINA);
    }

    private static int days(VariableScope execution, String field) {
        Object value = execution.getVariable(field);
        return Math.max(1, value instanceof Number n ? n.intValue() : 1);
    }
}
