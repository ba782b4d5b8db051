package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.web.ConflictException;

/** What a person does to a running problem from outside its tasks. */
@Service
public class ManualEscalation {

    private final ProblemService problems;
    private final RuntimeService runtime;
    private final EscalationProperties properties;
    private final Clock clock;
    private final Notifications notifications;

    ManualEscalation(ProblemService problems, RuntimeService runtime, EscalationProperties properties, Clock clock,
            Notifications notifications) {
        this.notifications = notifications;
        this.problems = problems;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** 人工催办, at most once per configured interval: the row lock orders two at once. */
    @Transactional
    public Map<String, Object> urge(long problemId, String actor, String comment) {
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        Instant now = clock.instant();
        Duration min = properties.manualUrgeMinInterval();
        if (problem.lastUrgedAt() != null && problem.lastUrgedAt().plus(min).isAfter(now)) {
            throw new ConflictException("距上次催办不足" + EscalationService.describe(min) + "，请于 "
                    + ChineseDates.dateTime(problem.lastUrgedAt().plus(min).atZone(cn.jiandu.calendar.Times.CHINA))
                    + " 后再催办");
        }
        problems.markUrged(problemId, now);
        problems.record(problemId, EventKind.MANUAL_URGE, actor, problem.level(),
                "人工催办" + (comment == null || comment.isBlank() ? "" : "：" + comment), null);
        notifications.problemStep(problemId, NotificationStep.MANUAL_URGE, String.valueOf(now.getEpochSecond()),
                comment, null);
        return Map.of("problemId", problemId, "urgedAt", cn.jiandu.calendar.Times.china(now));
    }

    /**
     * Raises the level one step by the process's message: the process leaves the running
     * rectification, enters the new level and starts its clocks again.
     */
    @Transactional
    public Map<String, Object> raise(long problemId, String actor, String reason) {
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        try {
            runtime.createMessageCorrelation(Rectification.MESSAGE_RAISE_LEVEL)
                    .processInstanceId(problem.processInstanceId())
                    .setVariable(Rectification.RAISED_BY, actor)
                    .setVariable(Rectification.RAISE_REASON, (reason == null || reason.isBlank() ? "领导交办" : reason)
                            + "（" + actor + "）")
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("问题当前不在整改督办环节，无法提升等级");
        }
        Problem raised = problems.get(problemId);
        return Map.of("problemId", problemId, "level", raised.level().name());
    }

    private static void requireOpen(Problem problem) {
        if (problem.status() == ProblemStatus.CLOSED) {
            throw new ConflictException("问题已闭环: " + problem.id());
        }
    }
}
