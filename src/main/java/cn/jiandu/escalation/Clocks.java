package cn.jiandu.escalation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.text.ChineseDates;

/**
 * The deadlines of one level of a problem: the signing clock (hours) and the
 * rectification clock (days) with its reminders and grace period, as process variables.
 */
record Clocks(ZonedDateTime signDue, ZonedDateTime signGraceDue, ZonedDateTime rectifyDue, ZonedDateTime graceDue,
        ZonedDateTime remindAt, String reminderCycle) {

    Map<String, Object> variables() {
        Map<String, Object> vars = new HashMap<>();
        if (signDue != null) {
            vars.put(Rectification.SIGN_DUE, date(signDue));
            vars.put(Rectification.SIGN_GRACE_DUE, date(signGraceDue));
            vars.put(Rectification.SIGN_DUE_TEXT, ChineseDates.dateTime(signDue));
        }
        vars.put(Rectification.RECTIFY_DUE, date(rectifyDue));
        vars.put(Rectification.GRACE_DUE, date(graceDue));
        vars.put(Rectification.REMIND_AT, date(remindAt));
        vars.put(Rectification.REMINDER_CYCLE, reminderCycle);
        vars.put(Rectification.RECTIFY_DUE_TEXT, ChineseDates.dateTime(rectifyDue));
        vars.put(Rectification.OVERDUE, false);
        vars.put(Rectification.REMINDED, false);
        vars.put(Rectification.REMINDERS_SENT, 0);
        // a returned or resumed rectification opens with no choice ticked
        vars.put(Rectification.RECTIFY_OUTCOME, null);
        return vars;
    }

    /** The working-day calendar's deadline, as {@code WorkCalendar.deadline}: what the clocks are counted with. */
    @FunctionalInterface
    interface Calendar {
        ZonedDateTime deadline(ZonedDateTime from, int amount, PeriodUnit unit);
    }

    /**
     * The clocks of a level entered at {@code now} under {@code rule}: signing (hours) unless
     * already signed, rectifying (the rule's period), the grace time (working days) and the reminders.
     */
    static Clocks start(DeadlineRule rule, boolean signed, ZonedDateTime now, Calendar calendar, int reminderCap) {
        ZonedDateTime signDue = signed ? null : now.plusHours(rule.signHours());
        ZonedDateTime signGraceDue = signed ? null : signDue.plusHours(rule.signGraceHours());
        ZonedDateTime rectifyDue = calendar.deadline(now, rule.periodAmount(), rule.periodUnit());
        return withReminders(signDue, signGraceDue, rectifyDue, grace(rectifyDue, rule, calendar), rule, now,
                reminderCap);
    }

    /** The end of the grace time after a rectification deadline (at least one working day). */
    static ZonedDateTime grace(ZonedDateTime rectifyDue, DeadlineRule rule, Calendar calendar) {
        return calendar.deadline(rectifyDue, Math.max(1, rule.graceDays()), PeriodUnit.WORKING_DAYS);
    }

    /**
     * Reminders before the deadline: from the rule's lead time, every interval, at most the
     * configured cap, and never after the deadline.
     */
    static Clocks withReminders(ZonedDateTime signDue, ZonedDateTime signGraceDue, ZonedDateTime rectifyDue,
            ZonedDateTime graceDue, DeadlineRule rule, ZonedDateTime now, int reminderCap) {
        ZonedDateTime remindAt = rectifyDue.minusHours(rule.reminderLeadHours());
        if (!remindAt.isAfter(now)) {
            remindAt = now.plusMinutes(1);
        }
        long hoursToDeadline = Math.max(0, Duration.between(remindAt, rectifyDue).toHours());
        int interval = rule.reminderIntervalHours();
        int count = (int) Math.max(1, Math.min(reminderCap,
                hoursToDeadline / interval + (hoursToDeadline % interval == 0 ? 0 : 1)));
        String cycle = "R" + count + "/" + remindAt.toOffsetDateTime().withNano(0) + "/PT" + interval + "H";
        return new Clocks(signDue, signGraceDue, rectifyDue, graceDue, remindAt, cycle);
    }

    private static Date date(ZonedDateTime time) {
        return Date.from(time.toInstant());
    }
}
