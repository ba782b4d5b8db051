package cn.jiandu.calendar;

import java.time.LocalDate;

/** One day of the working-day calendar (工作日历) as stored and as the API shows it. */
record CalendarDay(LocalDate day, DayKind kind, String name) {
}
