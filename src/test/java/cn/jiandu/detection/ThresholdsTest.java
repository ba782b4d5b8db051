package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiandu.level.Level;
import cn.jiandu.time.Times;

/** The rules' thresholds at their edges, without Spring or a database. */
class ThresholdsTest {

    /** Monday to Friday, except the days given: enough for the edges of working-day rules. */
    private static Thresholds.WorkingDays mondayToFriday(Set<LocalDate> holidays) {
        return (from, days) -> {
            LocalDate day = from.atZone(Times.CHINA).toLocalDate();
            int found = 0;
            while (found < days) {
                day = day.plusDays(1);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!weekend && !holidays.contains(day)) {
                    found++;
                }
            }
            return day.atTime(LocalTime.of(23, 59, 59)).atZone(Times.CHINA).toInstant();
        };
    }

    private static final Thresholds.WorkingDays NO_WORKING_DAYS = (from, days) -> {
        throw new AssertionError("no working days here");
    };

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private final Thresholds threeDays = new Thresholds(ThresholdUnit.CALENDAR_DAYS, Map.of(Level.BLUE, 3),
            NO_WORKING_DAYS);
    private final Instant received = at("2026-03-02T08:00:00+08:00");

    @Test
    void shouldBeOnTimeAtExactlyTheThreshold() {
        assertThat(threeDays.late(received, null, at("2026-03-05T08:00:00+08:00"))).isNull();
        Thresholds.Evaluation late = threeDays.late(received, null, at("2026-03-05T08:01:00+08:00"));
        assertThat(late.level()).isEqualTo(Level.BLUE);
        assertThat(late.outstanding()).isTrue();
        assertThat(late.deadline()).isEqualTo(at("2026-03-05T08:00:00+08:00"));
    }

    @Test
    void shouldFindAStepDoneLateAndNotOneDoneAtTheThreshold() {
        Instant now = at("2026-03-20T08:00:00+08:00");
        assertThat(threeDays.late(received, at("2026-03-05T08:00:00+08:00"), now)).isNull();
        Thresholds.Evaluation late = threeDays.late(received, at("2026-03-05T08:01:00+08:00"), now);
        assertThat(late.level()).isEqualTo(Level.BLUE);
        assertThat(late.outstanding()).as("done, late").isFalse();
        assertThat(late.done()).isEqualTo(at("2026-03-05T08:01:00+08:00"));
    }

    @Test
    void shouldTakeAStepDatedAfterNowAsNotYetDone() {
        Instant now = at("2026-03-06T08:00:00+08:00");
        Thresholds.Evaluation evaluation = threeDays.late(received, at("2026-03-07T08:00:00+08:00"), now);
        assertThat(evaluation.outstanding()).isTrue();
        assertThat(evaluation.done()).isNull();
    }

    @Test
    void shouldRaiseTheLevelAsTheDelayGrows() {
        Thresholds graded = new Thresholds(ThresholdUnit.CALENDAR_DAYS,
                Map.of(Level.BLUE, 3, Level.YELLOW, 7, Level.RED, 30), NO_WORKING_DAYS);
        assertThat(graded.late(received, null, at("2026-03-05T08:00:00+08:00"))).isNull();
        assertThat(graded.late(received, null, at("2026-03-05T08:01:00+08:00")).level()).isEqualTo(Level.BLUE);
        assertThat(graded.late(received, null, at("2026-03-09T08:00:00+08:00")).level()).isEqualTo(Level.BLUE);
        assertThat(graded.late(received, null, at("2026-03-09T08:01:00+08:00")).level()).isEqualTo(Level.YELLOW);
        assertThat(graded.late(received, null, at("2026-04-01T08:00:00+08:00")).level()).isEqualTo(Level.YELLOW);
        assertThat(graded.late(received, null, at("2026-04-01T08:01:00+08:00")).level()).isEqualTo(Level.RED);
        assertThat(graded.late(received, at("2026-03-10T08:00:00+08:00"), at("2026-06-01T08:00:00+08:00")).level())
                .as("filed on day 8: yellow for ever").isEqualTo(Level.YELLOW);
    }

    @Test
    void shouldCountHours() {
        Thresholds day = new Thresholds(ThresholdUnit.HOURS, Map.of(Level.BLUE, 24), NO_WORKING_DAYS);
        assertThat(day.late(received, null, at("2026-03-03T08:00:00+08:00"))).isNull();
        assertThat(day.late(received, null, at("2026-03-03T08:01:00+08:00")).level()).isEqualTo(Level.BLUE);
    }

    @Test
    void shouldCountWorkingDaysOverAWeekend() {
        Thresholds working = new Thresholds(ThresholdUnit.WORKING_DAYS, Map.of(Level.BLUE, 3), mondayToFriday(Set.of()));
        // filed Friday 2027-03-05: three working days end on Wednesday 03-10
        Instant filed = at("2027-03-05T10:00:00+08:00");
        assertThat(working.late(filed, null, at("2027-03-08T10:01:00+08:00")))
                .as("three calendar days, not three working days").isNull();
        assertThat(working.late(filed, null, at("2027-03-10T23:59:59+08:00"))).isNull();
        assertThat(working.late(filed, null, at("2027-03-11T00:00:00+08:00")).level()).isEqualTo(Level.BLUE);
        assertThat(working.late(filed, at("2027-03-10T18:00:00+08:00"), at("2027-03-20T10:00:00+08:00"))).isNull();
    }

    @Test
    void shouldCountWorkingDaysOverAHoliday() {
        Thresholds working = new Thresholds(ThresholdUnit.WORKING_DAYS, Map.of(Level.BLUE, 3),
                mondayToFriday(Set.of(LocalDate.parse("2027-03-09"))));
        Instant filed = at("2027-03-05T10:00:00+08:00");
        assertThat(working.late(filed, null, at("2027-03-11T23:59:59+08:00"))).as("a holiday on Tuesday").isNull();
        assertThat(working.late(filed, null, at("2027-03-12T00:00:01+08:00"))).isNotNull();
    }

    @Test
    void shouldFindAMeasurePastItsEnd() {
        Thresholds overdue = new Thresholds(ThresholdUnit.CALENDAR_DAYS, Map.of(Level.RED, 0), NO_WORKING_DAYS);
        Instant end = at("2027-04-01T00:00:00+08:00");
        assertThat(overdue.late(end, null, end)).isNull();
        assertThat(overdue.late(end, null, at("2027-04-01T00:01:00+08:00")).level()).isEqualTo(Level.RED);
        assertThat(overdue.late(end, end, at("2027-05-01T00:00:00+08:00"))).as("released at its end").isNull();
        Thresholds.Evaluation releasedLate = overdue.late(end, at("2027-04-02T00:00:00+08:00"),
                at("2027-05-01T00:00:00+08:00"));
        assertThat(releasedLate.outstanding()).isFalse();
    }

    @Test
    void shouldRemindOfAMeasureEndingWithinTheLead() {
        Thresholds expiring = new Thresholds(ThresholdUnit.CALENDAR_DAYS, Map.of(Level.BLUE, 7), NO_WORKING_DAYS);
        Instant end = at("2027-04-08T00:00:00+08:00");
        assertThat(expiring.expiring(end, null, at("2027-03-31T23:59:00+08:00"))).isNull();
        Thresholds.Evaluation within = expiring.expiring(end, null, at("2027-04-01T00:00:00+08:00"));
        assertThat(within.level()).as("exactly seven days ahead").isEqualTo(Level.BLUE);
        assertThat(within.mayOpen()).isTrue();
        assertThat(expiring.expiring(end, at("2027-04-02T00:00:00+08:00"), at("2027-04-03T00:00:00+08:00")))
                .as("released").isNull();
        assertThat(expiring.expiring(end, at("2027-04-05T00:00:00+08:00"), at("2027-04-03T00:00:00+08:00")))
                .as("released only later than now").isNotNull();
        Thresholds.Evaluation past = expiring.expiring(end, null, at("2027-04-09T00:00:00+08:00"));
        assertThat(past.mayOpen()).as("past its end: MEASURE_OVERDUE's").isFalse();
        assertThat(expiring.horizon(at("2027-04-01T00:00:00+08:00"))).isEqualTo(end);
    }
}
