package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemPause;
import cn.jiandu.problem.ProblemPauses;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;

/**
 * Pauses that someone approves (暂停计时须审批): the unit asks, the legal brigade captain
 * decides while the deadline still counts; an approved pause stops the clock until the unit
 * resumes or the problem's allowance of paused working days (deadlines.dmn maxPauseDays) is
 * spent, and the deadline then moves by exactly the working days paused.
 */
@Service
class Pauses {

    private final ProblemService problems;
    private final ProblemPauses pauses;
    private final EscalationService escalation;
    private final WorkCalendar calendar;
    private final ProblemNotices notices;
    private final Clock clock;

    Pauses(ProblemService problems, ProblemPauses pauses, EscalationService escalation, WorkCalendar calendar,
            ProblemNotices notices, Clock clock) {
        this.problems = problems;
        this.pauses = pauses;
        this.escalation = escalation;
        this.calendar = calendar;
        this.notices = notices;
        this.clock = clock;
    }

    /** When an approved pause ends at the latest, as the process keeps it. */
    record Started(Date from, Date endsAt, String endsAtText) {
    }

    /** The unit's request (申请暂停计时); the timeline entry is its task's. Returns the pause's id. */
    @Transactional
    long request(long problemId, String by, String reason, String detail) {
        return pauses.request(problemId, clock.instant(), by, reason == null ? "OTHER" : reason, detail);
    }

    /**
     * Rejected by the captain or lapsed at the deadline: the deadline stays, only the reminders
     * are laid out again from now. Returns the new reminder clocks.
     */
    @Transactional
    Clocks deny(long problemId, Level level, String rulesJson, long pauseId, String rejectedBy, Date rectifyDue,
            Date graceDue) {
        Instant now = clock.instant();
        if (rejectedBy != null) {
            pauses.decide(pauseId, rejectedBy, ProblemPause.REJECTED, now);
        } else {
            pauses.decide(pauseId, EscalationService.SYSTEM, ProblemPause.LAPSED, now);
            problems.record(problemId, EventKind.PAUSE_LAPSED, EscalationService.SYSTEM, level,
                    TimelineText.text("timeline.pause.lapsed", ChineseDates.dateTime(china(rectifyDue))), null);
        }
        return escalation.reminders(rulesJson, level, china(rectifyDue), china(graceDue));
    }

    /** Approved: the clock stops now and runs again at the latest when the allowance is spent. */
    @Transactional
    Started start(long problemId, Level level, String rulesJson, long pauseId, String approvedBy) {
        Instant now = clock.instant();
        pauses.decide(pauseId, approvedBy, ProblemPause.APPROVED, now);
        pauses.start(pauseId, now);
        int allowance = escalation.rule(rulesJson, level).maxPauseDays();
        int used = pauses.pausedWorkingDays(problemId);
        ZonedDateTime endsAt = calendar.afterWorkingDays(now.atZone(Times.CHINA), Math.max(0, allowance - used));
        String endsAtText = ChineseDates.dateTime(endsAt);
        problems.record(problemId, EventKind.PAUSED, EscalationService.SYSTEM, level,
                TimelineText.text("timeline.pause.started", endsAtText, allowance, used), null);
        return new Started(Date.from(now), Date.from(endsAt.toInstant()), endsAtText);
    }

    /**
     * The clock runs again, by the unit ({@code expired} false) or by itself at the end of the
     * allowance: the deadline and the grace time move by the working days from the pause's
     * start date up to, not including, the resume date, never beyond the allowance.
     */
    @Transactional
    Clocks resume(long problemId, Level level, String rulesJson, long pauseId, Date from, Date endsAt,
            Date rectifyDue, Date graceDue, boolean expired) {
        Instant now = clock.instant();
        Instant to = expired && endsAt != null && endsAt.toInstant().isBefore(now) ? endsAt.toInstant() : now;
        int days = pausedDays(from.toInstant(), to, endsAt == null ? null : endsAt.toInstant());
        ZonedDateTime newDue = calendar.shiftByWorkingDays(china(rectifyDue), days);
        ZonedDateTime newGrace = calendar.shiftByWorkingDays(china(graceDue), days);
        pauses.end(pauseId, to, expired ? ProblemPause.EXPIRED : ProblemPause.RESUMED, days);
        Problem problem = problems.get(problemId);
        problems.changeDeadlines(problemId, problem.signDeadline(), newDue.toInstant());
        problems.record(problemId, EventKind.RESUMED, EscalationService.SYSTEM, level,
                TimelineText.text(expired ? "timeline.pause.expired" : "timeline.pause.resumed", days,
                        ChineseDates.dateTime(newDue)), null);
        if (expired) {
            notices.send(problemId, NotificationStep.PAUSE_EXPIRED, String.valueOf(pauseId), null);
        }
        return escalation.reminders(rulesJson, level, newDue, newGrace);
    }

    /** The working days of a pause from {@code from}'s date up to {@code to}'s date, at most up to its end. */
    int pausedDays(Instant from, Instant to, Instant endsAt) {
        Instant until = endsAt != null && endsAt.isBefore(to) ? endsAt : to;
        return calendar.workingDaysBetween(from.atZone(Times.CHINA).toLocalDate(),
                until.atZone(Times.CHINA).toLocalDate());
    }

    private static ZonedDateTime china(Date date) {
        return date.toInstant().atZone(Times.CHINA);
    }
}
