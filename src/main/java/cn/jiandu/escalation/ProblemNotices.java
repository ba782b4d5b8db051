package cn.jiandu.escalation;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;

/** The DingTalk messages of a problem's steps. */
@Service
class ProblemNotices {

    private final Notifications notifications;

    ProblemNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * Notifies the people a problem's step concerns, as the problem stands now. {@code instance}
     * tells this occurrence of the step from others; {@code roles} overrides the routing table
     * when not empty. Returns how many recipients were queued.
     */
    @Transactional
    int send(long problemId, NotificationStep step, String instance, String note, List<String> roles) {
        return notifications.problemStep(problemId, step, instance, note, roles);
    }
}
