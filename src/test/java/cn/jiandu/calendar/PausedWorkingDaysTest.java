package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic of a paused rectification clock over the 2026 notices: the working days a
 * pause took (its start date up to, not including, the resume date), when an allowance is
 * spent, and a deadline moved by the days paused.
 */
class PausedWorkingDaysTest {

    private final WorkingDays calendar = WorkingDays.of(WorkCalendarTest.NOTICES);

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static ZonedDateTime china(String text) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(text), WorkingDays.ZONE);
    }

    @Test
    void shouldCountTheStartDateAndNotTheResumeDate() {
        // Tuesday 2026-03-10 to Thursday 2026-03-12: Tuesday and Wednesday
        assertThat(calendar.workingDaysBetween(date("2026-03-10"), date("2026-03-12"))).isEqualTo(2);
        // resumed the same day: nothing paused
        assertThat(calendar.workingDaysBetween(date("2026-03-10"), date("2026-03-10"))).isZero();
        assertThat(calendar.workingDaysBetween(date("2026-03-12"), date("2026-03-10"))).isZero();
    }

    @Test
    void shouldSkipWeekendsHolidaysAndCountMakeUpDays() {
        // Friday 2026-03-13 to Monday 2026-03-16: Friday only
        assertThat(calendar.workingDaysBetween(date("2026-03-13"), date("2026-03-16"))).isEqualTo(1);
        // 劳动节 2026-05-01..05: Thursday 04-30 to Wednesday 05-06 is Thursday only
        assertThat(calendar.workingDaysBetween(date("2026-04-30"), date("2026-05-06"))).isEqualTo(1);
        // Saturday 2026-05-09 is a make-up working day
        assertThat(calendar.workingDaysBetween(date("2026-05-08"), date("2026-05-11"))).isEqualTo(2);
    }

    @Test
    void shouldSpendTheAllowanceAtTheStartOfTheDayAfterItsLastWorkingDay() {
        // paused Tuesday 10:00 with 3 working days left: Tue, Wed, Thu; ends Friday 00:00
        ZonedDateTime end = calendar.afterWorkingDays(china("2026-03-10T10:00"), 3);
        assertThat(end).isEqualTo(china("2026-03-13T00:00"));
        assertThat(calendar.workingDaysBetween(date("2026-03-10"), end.toLocalDate())).isEqualTo(3);
        // paused on a Saturday with 1 day: Monday counts, ends Tuesday 00:00
        assertThat(calendar.afterWorkingDays(china("2026-03-14T09:00"), 1)).isEqualTo(china("2026-03-17T00:00"));
        // nothing left: the pause ends as it starts
        assertThat(calendar.afterWorkingDays(china("2026-03-10T10:00"), 0)).isEqualTo(china("2026-03-10T10:00"));
    }

    @Test
    void shouldMoveADeadlineByThePausedWorkingDaysKeepingItsTime() {
        ZonedDateTime due = china("2026-03-13T23:59:59");
        assertThat(calendar.shiftByWorkingDays(due, 2)).isEqualTo(china("2026-03-17T23:59:59"));
        assertThat(calendar.shiftByWorkingDays(due, 0)).isEqualTo(due);
        // across 劳动节
        assertThat(calendar.shiftByWorkingDays(china("2026-04-30T23:59:59"), 1))
                .isEqualTo(china("2026-05-06T23:59:59"));
    }
}
