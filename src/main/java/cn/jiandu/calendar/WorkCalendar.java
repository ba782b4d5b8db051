package cn.jiandu.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar (工作日历): working days and deadlines over the holidays and
 * make-up days in table cal_day. Every call reads the days it needs with one range query
 * and keeps nothing: several nodes share the database and an administrator's change must
 * count at once.
 */
@Service
public class WorkCalendar {

    private final WorkingDays.Source source;

    @Autowired
    WorkCalendar(CalendarMapper mapper) {
        this.source = mapper::findBetween;
    }

    private WorkCalendar(WorkingDays.Source source) {
        this.source = source;
    }

    /**
     * The calendar from {@code first} to {@code last} read with one query, for many
     * computations in a row (a detection run over thousands of records): within these
     * dates it reads nothing more, beyond them it reads the days it needs. Keep it no
     * longer than the computations at hand, so that an administrator's change counts.
     */
    public WorkCalendar preload(LocalDate first, LocalDate last) {
        List<CalendarDay> days = source.between(first, last);
        WorkingDays.Source outer = source;
        return new WorkCalendar((from, to) -> !from.isBefore(first) && !to.isAfter(last)
                ? days.stream().filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to)).toList()
                : outer.between(from, to));
    }

    /** Whether the day is a working day (Monday to Friday unless the calendar says otherwise). */
    public boolean isWorkingDay(LocalDate day) {
        return days().isWorkingDay(day);
    }

    /** The n-th working day strictly after {@code start} (n at least 1). */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return days().plusWorkingDays(start, n);
    }

    /**
     * The due moment of a period of {@code amount} (at least 1) {@code unit}s starting at
     * {@code from}, in Asia/Shanghai: WORKING_DAYS ends at 23:59:59 of the n-th working day
     * after from's date, CALENDAR_DAYS at 23:59:59 of from's date plus n days, HOURS exactly
     * n hours after from.
     */
    public ZonedDateTime deadline(ZonedDateTime from, int amount, PeriodUnit unit) {
        return days().deadline(from, amount, unit);
    }

    /** The working days from {@code from} up to, not including, {@code toExclusive} (0 when not after). */
    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        return days().workingDaysBetween(from, toExclusive);
    }

    /**
     * When a pause starting at {@code start} has used {@code days} working days: the
     * beginning of the day after the days-th working day on or after start's date; start
     * itself for 0.
     */
    public ZonedDateTime afterWorkingDays(ZonedDateTime start, int days) {
        return days().afterWorkingDays(start, days);
    }

    /** The same time of day {@code days} working days later; unchanged for 0. */
    public ZonedDateTime shiftByWorkingDays(ZonedDateTime at, int days) {
        return days().shiftByWorkingDays(at, days);
    }

    /**
     * A day the calendar lists (not the plain Monday-to-Friday rule): a holiday (法定节假日)
     * or a weekend day worked (调休上班), with its kind in Chinese and its name (国庆节).
     */
    public record ListedDay(LocalDate day, boolean working, String kindLabel, String name) {
    }

    /** The days the calendar lists from {@code first} to {@code last} (both included), in order. */
    public List<ListedDay> listedDays(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return List.of();
        }
        return source.between(first, last).stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::day))
                .map(d -> new ListedDay(d.day(), d.kind() == DayKind.WORKDAY, d.kind().label(), d.name()))
                .toList();
    }

    private WorkingDays days() {
        return new WorkingDays(source);
    }
}
