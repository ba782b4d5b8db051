package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.time.Times;

class ForecastSimulationTest {

    // blue: 5 working days, reminders 48 h ahead every 24 h, 2 working days' grace; yellow: 3, 24 h ahead every 8 h, 1
    private static final DeadlineRule BLUE = new DeadlineRule(5, PeriodUnit.WORKING_DAYS, 24, 24, 48, 24, 2, 3, 5, 5,
            10, true, 24);
    private static final DeadlineRule YELLOW = new DeadlineRule(3, PeriodUnit.WORKING_DAYS, 8, 8, 24, 8, 1, 2, 3, 3, 5,
            true, 12);
    private static final DeadlineRule RED = new DeadlineRule(2, PeriodUnit.WORKING_DAYS, 2, 4, 12, 4, 1, 1, 2, 3, 3,
            true, 4);
    private static final Map<Level, DeadlineRule> RULES = Map.of(Level.BLUE, BLUE, Level.YELLOW, YELLOW, Level.RED, RED);

    /** Monday to Friday, two messages a step, none held back by quiet hours, a cap of 3 reminders. */
    private static final ForecastSimulation.Env ENV = new ForecastSimulation.Env() {
        @Override
        public ZonedDateTime deadline(ZonedDateTime from, int amount, PeriodUnit unit) {
            LocalDate day = from.toLocalDate();
            for (int n = 0; n < amount; ) {
                day = day.plusDays(1);
                if (isWorkingDay(day) || unit == PeriodUnit.CALENDAR_DAYS) {
                    n++;
                }
            }
            return day.atTime(23, 59, 59).atZone(Times.CHINA);
        }

        @Override
        public boolean isWorkingDay(LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public int messages(NotificationStep step, Level level, String unitCode, String officerNo) {
            return step == NotificationStep.SUPERVISE ? 4 : 2;
        }

        @Override
        public Instant sendAt(Level level, Instant at) {
            return at;
        }

        @Override
        public int reminderCap() {
            return 3;
        }
    };

    private final ForecastSimulation simulation = new ForecastSimulation(ENV);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Times.CHINA).toInstant();
    }

    private static ForecastSimulation.Start signedBlue(Instant reminder, int sent, Instant rectifyDue, Instant graceDue,
            List<ForecastSimulation.Notice> notices) {
        return new ForecastSimulation.Start(1L, "U1", "O1", Level.BLUE, true, RULES, null, null, reminder, sent,
                rectifyDue, rectifyDue, graceDue, notices);
    }

    @Test
    void shouldRemindEveryIntervalUntilTheDeadlineThenUrge() {
        // given a deadline on Friday 2026-03-13 at 23:59:59 and the first reminder due 48 hours before
        Instant due = at("2026-03-13T23:59:59");
        ForecastSimulation.Start start = signedBlue(at("2026-03-11T23:59:59"), 0, due, at("2026-03-17T23:59:59"),
                List.of());

        // when the week is forecast from Monday
        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-09T09:00"), at("2026-03-14T00:00"));

        // then two reminders (48 and 24 hours before) and the urging at the deadline
        assertThat(events).extracting(ForecastSimulation.Event::kind).containsExactly(ForecastSimulation.Kind.REMINDER,
                ForecastSimulation.Kind.REMINDER, ForecastSimulation.Kind.URGING);
        assertThat(events).extracting(ForecastSimulation.Event::at).containsExactly(at("2026-03-11T23:59:59"),
                at("2026-03-12T23:59:59"), due);
        assertThat(events).extracting(ForecastSimulation.Event::messages).containsOnly(2);
    }

    @Test
    void shouldSendNoMoreRemindersThanTheCap() {
        Instant due = at("2026-03-13T23:59:59");
        ForecastSimulation.Start start = signedBlue(at("2026-03-12T23:59:59"), 3, due, at("2026-03-17T23:59:59"),
                List.of());

        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-12T09:00"), at("2026-03-14T00:00"));

        assertThat(events).extracting(ForecastSimulation.Event::kind).containsExactly(ForecastSimulation.Kind.URGING);
    }

    @Test
    void shouldRaiseAtTheSupervisionAndFollowTheNewLevelsClocks() {
        // given a blue problem urged already, whose grace time ends on Tuesday 2026-03-17 at 23:59:59
        ForecastSimulation.Start start = new ForecastSimulation.Start(1L, "U1", "O1", Level.BLUE, true, RULES, null,
                null, null, 3, at("2026-03-13T23:59:59"), null, at("2026-03-17T23:59:59"), List.of());

        // when the forecast runs until the yellow deadline has passed
        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-16T09:00"), at("2026-03-21T00:00"));

        // then supervised and raised at once; yellow's clocks from then: 3 working days (Friday 03-20),
        // reminders 24 hours ahead every 8 hours, the instruction's overdue notice (12 h at yellow), the talk's
        assertThat(events).extracting(ForecastSimulation.Event::kind, ForecastSimulation.Event::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.SUPERVISION, at("2026-03-17T23:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.RAISE, at("2026-03-17T23:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.NOTICE, at("2026-03-18T11:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.REMINDER, at("2026-03-19T23:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.REMINDER, at("2026-03-20T07:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.REMINDER, at("2026-03-20T15:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.URGING, at("2026-03-20T23:59:59")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.NOTICE, at("2026-03-20T23:59:59")));
        assertThat(events.get(7).step()).as("the talk reminder's due date, 3 working days").isEqualTo(
                NotificationStep.TALK_OVERDUE);
        assertThat(events.get(0).level()).isEqualTo(Level.BLUE);
        assertThat(events.get(0).messages()).isEqualTo(4);
        assertThat(events.get(1).level()).isEqualTo(Level.YELLOW);
        assertThat(events.get(1).step()).isEqualTo(NotificationStep.LEVEL);
        assertThat(events.get(2).step()).isEqualTo(NotificationStep.INSTRUCTION_OVERDUE);
        assertThat(events.subList(3, 7)).extracting(ForecastSimulation.Event::level).containsOnly(Level.YELLOW);
    }

    @Test
    void shouldNotRaiseARedProblemAnyFurther() {
        ForecastSimulation.Start start = new ForecastSimulation.Start(1L, "U1", "O1", Level.RED, true, RULES, null, null,
                null, 3, at("2026-03-13T23:59:59"), null, at("2026-03-16T23:59:59"), List.of());

        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-16T09:00"), at("2026-03-17T00:00"));

        assertThat(events).extracting(ForecastSimulation.Event::kind)
                .containsExactly(ForecastSimulation.Kind.SUPERVISION);
    }

    @Test
    void shouldRaiseAnUnsignedProblemWithTheNewLevelsSigningClockOnly() {
        // given a blue problem not signed, its signing grace ending Monday at 10:00
        ForecastSimulation.Start start = new ForecastSimulation.Start(1L, "U1", "O1", Level.BLUE, false, RULES, null,
                at("2026-03-16T10:00"), null, 0, at("2026-03-20T23:59:59"), null, null, List.of());

        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-16T09:00"), at("2026-03-17T00:00"));

        // then yellow's signing urging 8 hours later, and its grace 8 hours after that is past the window
        assertThat(events).extracting(ForecastSimulation.Event::kind, ForecastSimulation.Event::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.SUPERVISION, at("2026-03-16T10:00")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.RAISE, at("2026-03-16T10:00")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.URGING, at("2026-03-16T18:00")),
                org.assertj.core.groups.Tuple.tuple(ForecastSimulation.Kind.NOTICE, at("2026-03-16T22:00")));
        assertThat(events.get(2).step()).isEqualTo(NotificationStep.SIGN_URGE);
    }

    @Test
    void shouldChaseAnOverdueReviewOnWorkingDaysOnlyAndFireWhatIsOverdueAtOnce() {
        // given a daily chase due Friday 09:00 and an overdue notice already due (the executor has not run it)
        ForecastSimulation.Start start = new ForecastSimulation.Start(1L, "U1", "O1", Level.BLUE, true, RULES, null,
                null, null, 0, null, null, null, List.of(
                        new ForecastSimulation.Notice(NotificationStep.REVIEW_CHASE, at("2026-03-13T09:00"), true),
                        new ForecastSimulation.Notice(NotificationStep.REVIEW_OVERDUE, at("2026-03-12T23:59:59"),
                                false)));

        List<ForecastSimulation.Event> events = simulation.run(start, at("2026-03-13T08:00"), at("2026-03-17T00:00"));

        assertThat(events).extracting(ForecastSimulation.Event::step, ForecastSimulation.Event::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NotificationStep.REVIEW_OVERDUE, at("2026-03-13T08:00")),
                org.assertj.core.groups.Tuple.tuple(NotificationStep.REVIEW_CHASE, at("2026-03-13T09:00")),
                org.assertj.core.groups.Tuple.tuple(NotificationStep.REVIEW_CHASE, at("2026-03-16T09:00")));
    }
}
