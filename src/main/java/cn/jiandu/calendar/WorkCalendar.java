package cn.jiandu.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Service;

/**
 * The working-day calendar (工作日历): working days and deadlines over the holidays and
 * make-up days in table cal_day. Every call reads the days it needs with one range query
 * and keeps nothing: several nodes share the database and an administrator's change must
 * count at once.
 */
@Service
public class WorkCalendar {

    private final CalendarMapper mapper;

    WorkCalendar(CalendarMapper mapper) {
        this.mapper = mapper;
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

    private WorkingDays days() {
        return new WorkingDays(mapper::findBetween);
    }
}
