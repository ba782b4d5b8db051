package cn.jiandu.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.time.Times;

/**
 * The forecast (预测) of one open problem: what the timers of rectification.bpmn will do from
 * its state now, played forward as the process would, with no engine and no database. A
 * reminder fires from the next one due every interval while fewer than the cap were sent and
 * the deadline has not passed; the urging (催办) at the deadline, the supervision (督办) at the
 * end of the grace time; a supervision below red raises the level (提级) and starts the new
 * level's clocks from that moment under the problem's locked rules ({@link Clocks#start}, as
 * 进入预警等级 does), opens a 督办批示 whose overdue notice goes to the chief, and at yellow or
 * red a talk or interview whose overdue notice goes to the deputy leader and the committee.
 * Each step's DingTalk messages are counted by the routing table and go when the quiet hours
 * let them. The one place both forecast endpoints simulate in.
 */
final class ForecastSimulation {

    /** What a timer does, as the forecast counts it. */
    enum Kind {
        REMINDER, URGING, SUPERVISION, RAISE,
        /** a task past its due date: only its DingTalk messages count (审核超期, 催审, 谈话约谈超期, 督办批示超期) */
        NOTICE
    }

    /** What the simulation asks of the rest of the system. */
    interface Env {
        ZonedDateTime deadline(ZonedDateTime from, int amount, PeriodUnit unit);

        boolean isWorkingDay(LocalDate day);

        /** The DingTalk messages a step of a problem of this unit and officer writes at this level. */
        int messages(NotificationStep step, Level level, String unitCode, String officerNo);

        /** When a message written at {@code at} goes (quiet hours). */
        Instant sendAt(Level level, Instant at);

        int reminderCap();
    }

    /** A timer that only tells someone a task is overdue; {@code daily} for 每日催审 (working days only). */
    record Notice(NotificationStep step, Instant due, boolean daily) {
    }

    /**
     * An open problem as its timers stand: the due times of its pending timers (null: none), the
     * reminders sent for the current deadline, the deadline itself, and its locked rules.
     */
    record Start(long problemId, String unitCode, String officerNo, Level level, boolean signed,
            Map<Level, DeadlineRule> rules, Instant signUrge, Instant signSupervise, Instant nextReminder,
            int remindersSent, Instant rectifyDue, Instant urge, Instant supervise, List<Notice> notices) {
    }

    /**
     * One thing a timer does: {@code level} the level the step speaks of (the new one for a
     * raise), {@code messages} how many DingTalk messages it writes, {@code sendAt} when they go.
     */
    record Event(long problemId, String unitCode, Kind kind, NotificationStep step, Instant at, Level level,
            int messages, Instant sendAt) {
    }

    /** A year of timers is far more than any window asks: a guard against a rule that loops. */
    private static final int MAX_STEPS = 10_000;

    private final Env env;

    ForecastSimulation(Env env) {
        this.env = env;
    }

    /** What the problem's timers do from {@code now} until (not including) {@code until}, in order. */
    List<Event> run(Start start, Instant now, Instant until) {
        State s = new State(start, now);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < MAX_STEPS; i++) {
            Instant next = s.next();
            if (next == null || !next.isBefore(until)) {
                break;
            }
            s.fire(next, events);
        }
        return events;
    }

    private final class State {
        private final Start start;
        private Level level;
        private boolean signed;
        private Instant signUrge;
        private Instant signSupervise;
        private Instant nextReminder;
        private int sent;
        private Instant rectifyDue;
        private Instant urge;
        private Instant supervise;
        private final List<Notice> notices = new ArrayList<>();

        State(Start start, Instant now) {
            this.start = start;
            level = start.level();
            signed = start.signed();
            // a timer already due fires as soon as the job executor takes it: now
            signUrge = atLeast(start.signUrge(), now);
            signSupervise = atLeast(start.signSupervise(), now);
            nextReminder = atLeast(start.nextReminder(), now);
            sent = start.remindersSent();
            rectifyDue = start.rectifyDue();
            urge = atLeast(start.urge(), now);
            supervise = atLeast(start.supervise(), now);
            for (Notice n : start.notices()) {
                notices.add(new Notice(n.step(), atLeast(n.due(), now), n.daily()));
            }
        }

        Instant next() {
            return Stream.concat(Stream.of(signUrge, signSupervise, nextReminder, urge, supervise),
                    notices.stream().map(Notice::due)).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
        }

        void fire(Instant t, List<Event> events) {
            if (t.equals(signUrge)) {
                signUrge = null;
                add(events, Kind.URGING, NotificationStep.SIGN_URGE, t, level);
            } else if (t.equals(signSupervise)) {
                signSupervise = null;
                supervise(t, NotificationStep.SIGN_SUPERVISE, events);
            } else if (t.equals(nextReminder)) {
                remind(t, events);
            } else if (t.equals(urge)) {
                urge = null;
                add(events, Kind.URGING, NotificationStep.URGE, t, level);
            } else if (t.equals(supervise)) {
                supervise = null;
                supervise(t, NotificationStep.SUPERVISE, events);
            } else {
                Notice notice = notices.stream().filter(n -> t.equals(n.due())).findFirst().orElseThrow();
                notices.remove(notice);
                if (notice.daily()) {
                    notices.add(new Notice(notice.step(), t.plus(Duration.ofDays(1)), true));
                    if (!env.isWorkingDay(t.atZone(Times.CHINA).toLocalDate())) {
                        return;
                    }
                }
                add(events, Kind.NOTICE, notice.step(), t, level);
            }
        }

        /** FollowUp.remind: nothing once the cap is reached or the deadline passed. */
        private void remind(Instant t, List<Event> events) {
            if (sent < env.reminderCap() && (rectifyDue == null || t.isBefore(rectifyDue))) {
                sent++;
                add(events, Kind.REMINDER, NotificationStep.REMIND, t, level);
            }
            Instant following = t.plus(Duration.ofHours(rule(level).reminderIntervalHours()));
            nextReminder = sent < env.reminderCap() && rectifyDue != null && following.isBefore(rectifyDue)
                    ? following : null;
        }

        private void supervise(Instant t, NotificationStep step, List<Event> events) {
            add(events, Kind.SUPERVISION, step, t, level);
            if (level != Level.RED) {
                raise(t, events);
            }
            // 督办批示 opens as the level rises: its hours are the new level's
            notices.add(new Notice(NotificationStep.INSTRUCTION_OVERDUE,
                    t.plus(Duration.ofHours(rule(level).hours("instructionHours"))), false));
        }

        private void raise(Instant t, List<Event> events) {
            level = level.next();
            add(events, Kind.RAISE, NotificationStep.LEVEL, t, level);
            ZonedDateTime at = t.atZone(Times.CHINA);
            DeadlineRule rule = rule(level);
            // the follow-up sub-process is left and entered again: its timers are those of the new level
            Clocks clocks = Clocks.start(rule, signed, at, env::deadline, env.reminderCap());
            signUrge = instant(clocks.signDue());
            signSupervise = instant(clocks.signGraceDue());
            sent = 0;
            if (signed) {
                rectifyDue = clocks.rectifyDue().toInstant();
                nextReminder = clocks.remindAt().toInstant();
                urge = rectifyDue;
                supervise = clocks.graceDue().toInstant();
            } else {
                // when the unit will sign is not known: its rectification clock is not forecast
                rectifyDue = null;
                nextReminder = null;
                urge = null;
                supervise = null;
            }
            // yellow brings the talk reminder, red the leadership interview, each due in talkDays
            notices.add(new Notice(NotificationStep.TALK_OVERDUE,
                    env.deadline(at, Math.max(1, rule.talkDays()), PeriodUnit.WORKING_DAYS).toInstant(), false));
        }

        private void add(List<Event> events, Kind kind, NotificationStep step, Instant t, Level at) {
            events.add(new Event(start.problemId(), start.unitCode(), kind, step, t, at,
                    env.messages(step, at, start.unitCode(), start.officerNo()), env.sendAt(at, t)));
        }

        private DeadlineRule rule(Level of) {
            DeadlineRule rule = start.rules().get(of);
            if (rule == null) {
                throw new IllegalStateException("Problem " + start.problemId() + " has no deadline rule for " + of);
            }
            return rule;
        }
    }

    private static Instant atLeast(Instant due, Instant now) {
        return due == null ? null : due.isBefore(now) ? now : due;
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
