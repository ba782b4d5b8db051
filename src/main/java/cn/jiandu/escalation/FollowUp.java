package cn.jiandu.escalation;

import java.time.Clock;
import java.util.Date;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;

/** The follow-up steps as the timeline records them; the DingTalk messages join them here. */
@Service
class FollowUp {

    private final ProblemService problems;
    private final ProblemNotices notices;
    private final EscalationProperties properties;
    private final Clock clock;
    private final cn.jiandu.calendar.WorkCalendar calendar;

    FollowUp(ProblemService problems, ProblemNotices notices, EscalationProperties properties, Clock clock,
            cn.jiandu.calendar.WorkCalendar calendar) {
        this.calendar = calendar;
        this.problems = problems;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A reminder before the deadline, unless the cap is reached or the deadline has passed
     * (the cycle timer of the BPMN may fire more often than that: those firings do nothing).
     * Returns whether it reminded.
     */
    @Transactional
    boolean remind(long problemId, Level level, Date deadline, String deadlineText, int alreadySent) {
        if (alreadySent >= properties.reminderCap() || (deadline != null && !clock.instant().isBefore(deadline.toInstant()))) {
            return false;
        }
        problems.record(problemId, EventKind.REMINDER, EscalationService.SYSTEM, level,
                TimelineText.text("timeline.remind", deadlineText, alreadySent + 1), null);
        notices.send(problemId, NotificationStep.REMIND, instant(deadline) + "-" + (alreadySent + 1),
                null);
        return true;
    }

    @Transactional
    void urge(long problemId, Level level, boolean signing, Date due) {
        problems.record(problemId, EventKind.URGE, EscalationService.SYSTEM, level,
                TimelineText.text(signing ? "timeline.urge.signing" : "timeline.urge"), null);
        notices.send(problemId, signing ? NotificationStep.SIGN_URGE : NotificationStep.URGE,
                instant(due), null);
    }

    /** Returns the reason the level rises for, as the timeline will give it. */
    @Transactional
    String supervise(long problemId, Level level, boolean signing, Date due) {
        String reason = TimelineText.text(signing ? "timeline.supervise.reason.signing" : "timeline.supervise.reason");
        problems.record(problemId, EventKind.SUPERVISE, EscalationService.SYSTEM, level,
                TimelineText.text(level == Level.RED ? "timeline.supervise.atRed" : "timeline.supervise", reason),
                null);
        notices.send(problemId, signing ? NotificationStep.SIGN_SUPERVISE : NotificationStep.SUPERVISE,
                instant(due), reason);
        return reason;
    }

    /**
     * A task past its due date ({@code step} the BPMN activity that tells it), once per
     * occurrence: the review of round {@code round} once at its due date and once a working
     * day after (nothing on other days), the talk and the interview once per level.
     */
    @Transactional
    void overdue(long problemId, Level level, String step, int round) {
        switch (step) {
            case Rectification.TASK_REVIEW_OVERDUE -> {
                problems.record(problemId, EventKind.OVERDUE, EscalationService.SYSTEM, level,
                        TimelineText.text("timeline.review.overdue"), null);
                notices.send(problemId, NotificationStep.REVIEW_OVERDUE, "round" + round, null);
            }
            case Rectification.TASK_REVIEW_CHASE -> {
                java.time.LocalDate today = clock.instant().atZone(cn.jiandu.time.Times.CHINA).toLocalDate();
                if (!calendar.isWorkingDay(today)) {
                    return;
                }
                problems.record(problemId, EventKind.OVERDUE, EscalationService.SYSTEM, level,
                        TimelineText.text("timeline.review.chase"), null);
                notices.send(problemId, NotificationStep.REVIEW_CHASE, "round" + round + "-" + today, null);
            }
            case Rectification.TASK_TALK_OVERDUE, Rectification.TASK_INTERVIEW_OVERDUE -> {
                boolean talk = Rectification.TASK_TALK_OVERDUE.equals(step);
                String what = TimelineText.text(talk ? "timeline.talk.overdue" : "timeline.interview.overdue");
                problems.record(problemId, EventKind.OVERDUE, EscalationService.SYSTEM, level, what, null);
                // the note says which of the two is late: DingTalk drops a second identical message
                notices.send(problemId, NotificationStep.TALK_OVERDUE, (talk ? "talk-" : "interview-") + level.name(),
                        what);
            }
            default -> throw new IllegalArgumentException("No overdue step " + step);
        }
    }

    /** A deadline as a stable key: the same step of the same deadline is one message. */
    private static String instant(Date due) {
        return due == null ? "none" : String.valueOf(due.getTime() / 1000);
    }
}
