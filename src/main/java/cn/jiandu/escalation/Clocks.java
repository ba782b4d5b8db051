package cn.jiandu.escalation;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

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

    private static Date date(ZonedDateTime time) {
        return Date.from(time.toInstant());
    }
}
