package cn.jiandu.escalation;

import java.time.Clock;
import java.util.Date;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.ProblemService;

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
                "整改期限将至（" + deadlineText + "），第" + (alreadySent + 1) + "次提醒责任民警与单位负责人", null);
        notices.send(problemId, NotificationStep.REMIND, instant(deadline) + "-" + (alreadySent + 1),
                null, null);
        return true;
    }

    @Transactional
    void urge(long problemId, Level level, boolean signing, Date due) {
        problems.record(problemId, EventKind.URGE, EscalationService.SYSTEM, level,
                signing ? "签收时限已到仍未签收，法制大队长催办" : "整改期限已到仍未整改完毕，法制大队长催办", null);
        notices.send(problemId, signing ? NotificationStep.SIGN_URGE : NotificationStep.URGE,
                instant(due), null, null);
    }

    /** Returns the reason the level rises for, as the timeline will give it. */
    @Transactional
    String supervise(long problemId, Level level, boolean signing, Date due) {
        String reason = signing ? "逾期未签收" : "整改迟缓，超过宽限期仍未整改";
        problems.record(problemId, EventKind.SUPERVISE, EscalationService.SYSTEM, level,
                reason + "，分管局领导督办" + (level == Level.RED ? "（已是红色预警）" : "，预警等级提升"), null);
        notices.send(problemId, signing ? NotificationStep.SIGN_SUPERVISE : NotificationStep.SUPERVISE,
                instant(due), reason, null);
        return reason;
    }

    /** A deadline as a stable key: the same step of the same deadline is one message. */
    private static String instant(Date due) {
        return due == null ? "none" : String.valueOf(due.getTime() / 1000);
    }
}
