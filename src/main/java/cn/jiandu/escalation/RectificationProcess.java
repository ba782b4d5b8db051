package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemRegistered;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.web.ConflictException;
import cn.jiandu.time.Times;

/**
 * The rectification process (整改督办) as the rest of the app sees it: the one place that
 * starts it, raises a problem's level and urges it from outside its tasks, and correlates its
 * messages. Answers are typed (a {@link Level}, an {@link Urged}); the variable names stay in
 * {@link Rectification}.
 * <p>
 * The process starts on {@link ProblemRegistered}, which {@code ProblemService.register}
 * publishes in its transaction: a plain {@code @EventListener} runs synchronously in that
 * transaction, so the problem and its process are stored together or not at all, as before.
 * Registration stays in {@code problem} (its API, the demo seeds, detection's rules all
 * register there) and {@code problem} knows nothing of the process: routing registration
 * through this class instead would have made {@code problem} import {@code escalation},
 * which imports {@code problem} — a cycle — or moved the registration API out of its package.
 */
@Service
public class RectificationProcess {

    private final ProblemService problems;
    private final RuntimeService runtime;
    private final EscalationProperties properties;
    private final Clock clock;
    private final ProblemNotices notices;
    private final ScoreService scores;
    private final IntakeProcess intakes;

    RectificationProcess(ProblemService problems, RuntimeService runtime, EscalationProperties properties, Clock clock,
            ProblemNotices notices, ScoreService scores, IntakeProcess intakes) {
        this.intakes = intakes;
        this.scores = scores;
        this.problems = problems;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.notices = notices;
    }

    /** A manual urging: the problem and when. */
    public record Urged(long problemId, OffsetDateTime urgedAt) {
    }

    /** A void (作废): the problem, when, by whom and why. */
    public record Voided(long problemId, ProblemStatus status, String statusLabel, OffsetDateTime voidedAt,
            String voidedBy, String reason) {
    }

    /** Who may urge (人工催办): the legal officers, the legal brigade captain, the administrator. */
    public static boolean mayUrge(CurrentUser user) {
        return user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.LEGAL_CAPTAIN) || user.hasRole(Role.ADMIN);
    }

    /** Who may raise the level (提级): the legal brigade captain and the bureau's leaders, the administrator. */
    public static boolean mayRaise(CurrentUser user) {
        return user.hasRole(Role.LEGAL_CAPTAIN) || user.hasRole(Role.DEPUTY_LEADER) || user.hasRole(Role.CHIEF)
                || user.hasRole(Role.COMMITTEE) || user.hasRole(Role.ADMIN);
    }

    /** Who may void (作废): the legal brigade captain and the administrator. */
    public static boolean mayVoid(CurrentUser user) {
        return user.hasRole(Role.LEGAL_CAPTAIN) || user.hasRole(Role.ADMIN);
    }

    /** Starts the process of a problem just registered, in the registration's transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(ProblemRegistered problem) {
        runtime.createProcessInstanceByKey(Rectification.PROCESS_KEY)
                .businessKey(String.valueOf(problem.problemId()))
                .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
                        .putValue(Rectification.PROBLEM_ID, problem.problemId())
                        .putValue(Rectification.UNIT_CODE, problem.unitCode())
                        .putValue(Rectification.OFFICER_NO, problem.officerNo())
                        .putValue(Rectification.CATEGORY, problem.category())
                        .putValue(Rectification.SOURCE, problem.source())
                        .putValue(Rectification.SENSITIVE, problem.sensitive())
                        .putValue(Rectification.REQUESTED_LEVEL, problem.requestedLevel() == null ? null
                                : problem.requestedLevel().name())
                        .putValue(Rectification.PROBLEM_TITLE, problem.title())
                        .putValue(Rectification.REGISTERED_BY, problem.registeredBy()))
                .execute();
    }

    /** 人工催办, at most once per configured interval: the row lock orders two at once. */
    @Transactional
    public Urged urge(long problemId, String actor, String comment) {
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        Instant now = clock.instant();
        Duration min = properties.manualUrgeMinInterval();
        if (problem.lastUrgedAt() != null && problem.lastUrgedAt().plus(min).isAfter(now)) {
            throw new ConflictException("距上次催办不足" + EscalationService.describe(min) + "，请于 "
                    + ChineseDates.dateTime(problem.lastUrgedAt().plus(min).atZone(Times.CHINA))
                    + " 后再催办");
        }
        problems.markUrged(problemId, now);
        problems.record(problemId, EventKind.MANUAL_URGE, actor, problem.level(),
                TimelineText.withNote("timeline.manualUrge", comment), null);
        notices.send(problemId, NotificationStep.MANUAL_URGE, String.valueOf(now.getEpochSecond()), comment);
        return new Urged(problemId, Times.china(now));
    }

    /**
     * Raises the level one step by the process's message: the process leaves the running
     * rectification, enters the new level and starts its clocks again. Returns the level the
     * problem is at afterwards (red stays red).
     */
    @Transactional
    public Level raise(long problemId, String actor, String reason) {
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        try {
            runtime.createMessageCorrelation(Rectification.MESSAGE_RAISE_LEVEL)
                    .processInstanceId(problem.processInstanceId())
                    .setVariable(Rectification.RAISED_BY, actor)
                    .setVariable(Rectification.LEVEL_TRIGGER, Rectification.TRIGGER_RAISED)
                    .setVariable(Rectification.RAISE_REASON, TimelineText.text("timeline.reason.raise",
                            reason == null || reason.isBlank() ? TimelineText.text("timeline.reason.raise.default")
                                    : reason, actor))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("问题当前不在整改督办环节，无法提升等级");
        }
        return problems.get(problemId).level();
    }

    /**
     * 作废: a problem registered in error leaves the supervision. Its status becomes VOID, its
     * process ends (deleted with the reason: its tasks and timers go), its points are given
     * back, its unit is told through the outbox, and the timeline says who and why; from then
     * on no report, ranking or count knows it but the reports' 作废 line. A closed or void
     * problem cannot be voided (409).
     */
    @Transactional
    public Voided voidProblem(long problemId, String actor, String reason) {
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        if (!problems.markVoid(problemId, actor, reason)) {
            throw new ConflictException("问题已闭环或已作废: " + problemId);
        }
        String instance = problem.processInstanceId();
        if (instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            // custom listeners skipped: no task or end listener may write the problem of a void
            runtime.deleteProcessInstance(instance, "作废：" + reason, true, true);
        }
        problems.record(problemId, EventKind.VOIDED, actor, problem.level(),
                TimelineText.text("timeline.voided", reason), null);
        ScoreService.Deduction back = scores.reverse(problemId, actor);
        if (back.unitPoints() > 0 || back.officerPoints() > 0) {
            problems.record(problemId, EventKind.SCORE, actor, problem.level(), back.officerPoints() > 0
                    ? TimelineText.text("timeline.score.reversed.officer", back.unitPoints(), back.officerPoints())
                    : TimelineText.text("timeline.score.reversed", back.unitPoints()), null);
        }
        notices.send(problemId, NotificationStep.VOIDED, "void", reason);
        // the tickets of the public waiting for this problem are closed
        intakes.problemVoided(problemId);
        return new Voided(problemId, ProblemStatus.VOID, ProblemStatus.VOID.label(), Times.china(clock.instant()),
                actor, reason);
    }

    private static void requireOpen(Problem problem) {
        if (problem.status() == ProblemStatus.CLOSED) {
            throw new ConflictException("问题已闭环: " + problem.id());
        }
        if (problem.status() == ProblemStatus.VOID) {
            throw new ConflictException("问题已作废: " + problem.id());
        }
    }
}
