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

    FollowUp(ProblemService problems, ProblemNotices notices, EscalationProperties properties, Clock clock) {
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
                null, null);
        return true;
    }

    @Transactional
    void urge(long problemId, Level level, boolean signing, Date due) {
        problems.record(problemId, EventKind.URGE, EscalationService.SYSTEM, level,
                TimelineText.text(signing ? "timeline.urge.signing" : "timeline.urge"), null);
        notices.send(problemId, signing ? NotificationStep.SIGN_URGE : NotificationStep.URGE,
                instant(due), null, null);
    }

    /** Returns the reason the level rises for, as the timeline will give it. */
    @Transactional
    String supervise(long problemId, Level level, boolean signing, Date due) {
        String reason = TimelineText.text(signing ? "timeline.supervise.reason.signing" : "timeline.supervise.reason");
        problems.record(problemId, EventKind.SUPERVISE, EscalationService.SYSTEM, level,
                TimelineText.text(level == Level.RED ? "timeline.supervise.atRed" : "timeline.supervise", reason),
                null);
        notices.send(problemId, signing ? NotificationStep.SIGN_SUPERVISE : NotificationStep.SUPERVISE,
                instant(due), reason, null);
        return reason;
    }

    /** A deadline as a stable key: the same step of the same deadline is one message. */
    private static String instant(Date due) {
        return due == null ? "none" : String.valueOf(due.getTime() / 1000);
    }
}
