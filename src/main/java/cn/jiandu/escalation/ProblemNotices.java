package cn.jiandu.escalation;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.notification.ProblemNotice;
import cn.jiandu.notification.Queued;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.time.Times;

/**
 * The DingTalk messages of a problem's steps: hands notification what the message says of
 * the problem and writes into the timeline whom it went to.
 */
@Service
class ProblemNotices {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ProblemService problems;
    private final Notifications notifications;

    ProblemNotices(ProblemService problems, Notifications notifications) {
        this.problems = problems;
        this.notifications = notifications;
    }

    /**
     * Notifies the people a problem's step concerns, as the problem stands now. {@code instance}
     * tells this occurrence of the step from others. Returns how many recipients were queued.
     */
    @Transactional
    int send(long problemId, NotificationStep step, String instance, String note) {
        Problem problem = problems.get(problemId);
        Level level = problem.level() == null ? Level.BLUE : problem.level();
        Queued queued = notifications.problemStep(new ProblemNotice(problemId, problem.title(), problem.unitCode(),
                problem.officerNo(), level, problem.deadline(), step, instance, note));
        if (queued.count() > 0) {
            String names = String.join("、", queued.recipients());
            problems.record(problemId, EventKind.MESSAGE, EscalationService.SYSTEM, level, queued.deferred()
                    ? TimelineText.text("timeline.message.deferred", step.label(), names,
                            CHINESE.format(queued.sendAt().atZone(Times.CHINA)))
                    : TimelineText.text("timeline.message", step.label(), names), queued.messageKey());
        }
        return queued.count();
    }
}
