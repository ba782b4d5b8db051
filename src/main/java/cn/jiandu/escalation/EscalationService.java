package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.time.Times;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.text.ChineseDates;

/**
 * The rules of the escalation (三色预警) behind the delegates of rectification.bpmn:
 * deadlines from the DMN snapshot and the working-day calendar, levels, scores, timeline.
 */
@Service
class EscalationService {

    static final String SYSTEM = "system";

    private final ProblemService problems;
    private final ScoreService scores;
    private final DeadlineTables tables;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final EscalationProperties properties;
    private final ObjectMapper json;
    private final ProblemNotices notices;

    EscalationService(ProblemService problems, ScoreService scores, DeadlineTables tables, WorkCalendar calendar,
            Clock clock, EscalationProperties properties, ObjectMapper json, ProblemNotices notices) {
        this.notices = notices;
        this.problems = problems;
        this.scores = scores;
        this.tables = tables;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Evaluates deadlines.dmn (every table of its latest deployment) for every level once, as
     * the problem is registered: a later change of the DMN applies to new problems only.
     */
    String fixRules(String category) {
        Map<Level, DeadlineRule> rules = tables.deployed(category);
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    DeadlineRule rule(String rulesJson, Level level) {
        return rules(rulesJson).get(level);
    }

    /** A problem's locked rules (deadlineRules), every level. */
    Map<Level, DeadlineRule> rules(String rulesJson) {
        try {
            return json.readValue(rulesJson, new TypeReference<Map<Level, DeadlineRule>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable deadline rules: " + rulesJson, e);
        }
    }

    /**
     * The problem enters a level: its clocks start again for that level, the unit and the
     * officer lose the level's points (once), and the timeline says why and who (the person
     * who raised it from outside, else the system).
     */
    @Transactional
    Clocks enterLevel(long problemId, Level level, boolean signed, String rulesJson, String reason, String raisedBy) {
        Problem problem = problems.get(problemId);
        Clocks clocks = clocks(rule(rulesJson, level), signed);
        problems.changeLevel(problemId, level);
        problems.changeDeadlines(problemId, clocks.signDue() == null ? problem.signDeadline()
                : clocks.signDue().toInstant(), clocks.rectifyDue().toInstant());
        String note = reason == null || reason.isBlank() ? "" : ".note";
        String deadline = ChineseDates.dateTime(clocks.rectifyDue());
        String what = problem.level() == null
                ? TimelineText.text("timeline.level.initial" + note, level.label(), deadline, reason)
                : TimelineText.text("timeline.level.raised" + note, problem.level().label(), level.label(), deadline,
                        reason);
        problems.record(problemId, EventKind.LEVEL, raisedBy == null || raisedBy.isBlank() ? SYSTEM : raisedBy, level,
                what, null);
        ScoreService.Deduction deduction = scores.deduct(problemId, level, problem.unitCode(),
                problem.officerNo());
        if (deduction != null && (deduction.unitPoints() > 0 || deduction.officerPoints() > 0)) {
            problems.record(problemId, EventKind.SCORE, SYSTEM, level, problem.officerNo() == null
                    ? TimelineText.text("timeline.score", deduction.unitPoints())
                    : TimelineText.text("timeline.score.officer", deduction.unitPoints(), deduction.officerPoints()),
                    null);
        }
        notices.send(problemId, NotificationStep.LEVEL, level.name(), reason);
        return clocks;
    }

    /** After a return at yellow or red: a new rectification period from now, same level. */
    @Transactional
    Clocks restart(long problemId, Level level, String rulesJson) {
        Clocks clocks = clocks(rule(rulesJson, level), true);
        Problem problem = problems.get(problemId);
        problems.changeDeadlines(problemId, problem.signDeadline(), clocks.rectifyDue().toInstant());
        return clocks;
    }

    /**
     * After a transfer: the new unit gets the level's full clocks from now, signing first
     * (the problem is not signed by the new unit).
     */
    @Transactional
    Clocks startSigningAgain(long problemId, Level level, String rulesJson) {
        Clocks clocks = clocks(rule(rulesJson, level), false);
        problems.changeDeadlines(problemId, clocks.signDue().toInstant(), clocks.rectifyDue().toInstant());
        return clocks;
    }

    /** Waiting for a superior's instruction: the rectification clock stops; what is left is kept. */
    @Transactional
    Map<String, Object> pause(long problemId, java.util.Date rectifyDue, java.util.Date graceDue, String reason) {
        long now = clock.millis();
        long left = Math.max(0, rectifyDue.getTime() - now);
        long grace = Math.max(0, graceDue.getTime() - rectifyDue.getTime());
        String kept = describe(Duration.ofMillis(left));
        problems.record(problemId, EventKind.PAUSED, SYSTEM, null, reason == null
                ? TimelineText.text("timeline.paused", kept) : TimelineText.text("timeline.paused.note", kept, reason),
                null);
        return Map.of(Rectification.TIME_LEFT_MILLIS, left, Rectification.GRACE_MILLIS, grace);
    }

    /** The instruction came: the clock runs again with the time that was left. */
    @Transactional
    Clocks resume(long problemId, Level level, String rulesJson, long timeLeftMillis, long graceMillis) {
        DeadlineRule rule = rule(rulesJson, level);
        ZonedDateTime now = now();
        ZonedDateTime rectifyDue = now.plus(Duration.ofMillis(timeLeftMillis));
        ZonedDateTime graceDue = rectifyDue.plus(Duration.ofMillis(graceMillis));
        Clocks clocks = withReminders(null, null, rectifyDue, graceDue, rule);
        Problem problem = problems.get(problemId);
        problems.changeDeadlines(problemId, problem.signDeadline(), rectifyDue.toInstant());
        problems.record(problemId, EventKind.RESUMED, SYSTEM, level,
                TimelineText.text("timeline.resumed", ChineseDates.dateTime(rectifyDue)), null);
        return clocks;
    }

    /** The clocks of a rectification whose deadline and grace time are given: reminders laid out from now. */
    Clocks reminders(String rulesJson, Level level, ZonedDateTime rectifyDue, ZonedDateTime graceDue) {
        return withReminders(null, null, rectifyDue, graceDue, rule(rulesJson, level));
    }

    /** How many reminders one deadline gets at most (jiandu.escalation.reminder-cap). */
    int reminderCap() {
        return properties.reminderCap();
    }

    /** The next level; red stays red (and says so). */
    Level raise(Level current) {
        return current.next();
    }

    /** Working days from now, by a field of the level's rule (review, instruction, talk). */
    java.util.Date due(String rulesJson, Level level, String field) {
        int days = rule(rulesJson, level).days(field);
        return java.util.Date.from(calendar.deadline(now(), Math.max(1, days), PeriodUnit.WORKING_DAYS).toInstant());
    }

    /** Hours from now (natural hours, like the signing clock), by a field of the level's rule. */
    java.util.Date dueInHours(String rulesJson, Level level, String field) {
        return java.util.Date.from(now().plusHours(rule(rulesJson, level).hours(field)).toInstant());
    }

    private Clocks clocks(DeadlineRule rule, boolean signed) {
        return Clocks.start(rule, signed, now(), calendar::deadline, properties.reminderCap());
    }

    private Clocks withReminders(ZonedDateTime signDue, ZonedDateTime signGraceDue, ZonedDateTime rectifyDue,
            ZonedDateTime graceDue, DeadlineRule rule) {
        return Clocks.withReminders(signDue, signGraceDue, rectifyDue, graceDue, rule, now(), properties.reminderCap());
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(Times.CHINA);
    }

    static String describe(Duration duration) {
        long hours = duration.toHours();
        return hours >= 24 ? hours / 24 + "天" + (hours % 24 == 0 ? "" : hours % 24 + "小时") : hours + "小时"
                + (duration.toMinutesPart() == 0 ? "" : duration.toMinutesPart() + "分钟");
    }
}
