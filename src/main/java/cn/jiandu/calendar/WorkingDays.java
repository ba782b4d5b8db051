package cn.jiandu.calendar;

import cn.jiandu.time.Times;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of the working-day calendar, free of Spring and of the database: a day the
 * calendar lists is what its kind says, any other day is a working day from Monday to
 * Friday. The listed days come from a {@link Source} asked for one date range per
 * computation, so that a change to the calendar is seen by the next computation.
 */
final class WorkingDays {

    static final ZoneId ZONE = Times.CHINA;
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** The listed days between two dates, both inclusive. */
    @FunctionalInterface
    interface Source {
        List<CalendarDay> between(LocalDate first, LocalDate last);
    }

    private final Source source;

    WorkingDays(Source source) {
        this.source = Objects.requireNonNull(source);
    }

    /** Rules over a fixed list of days, for tests and for checking an import. */
    static WorkingDays of(Collection<CalendarDay> days) {
        List<CalendarDay> copy = List.copyOf(days);
        return new WorkingDays((first, last) -> copy.stream()
                .filter(d -> !d.day().isBefore(first) && !d.day().isAfter(last)).toList());
    }

    /** The rule itself; {@code listed} is the kind the calendar gives the day, or null. */
    static boolean isWorkingDay(LocalDate day, DayKind listed) {
        if (listed != null) {
            return listed == DayKind.WORKDAY;
        }
        return !isWeekend(day);
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, load(day, day).get(day));
    }

    /** The n-th working day strictly after {@code start}; n is at least 1. */
    LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 working day, was " + n);
        }
        int found = 0;
        LocalDate first = start.plusDays(1);
        while (true) {
            LocalDate last = first.plusDays(window(n - found) - 1);
            Map<LocalDate, DayKind> listed = load(first, last);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (isWorkingDay(day, listed.get(day)) && ++found == n) {
                    return day;
                }
            }
            // only when holidays filled the whole window: read the next one
            first = last.plusDays(1);
        }
    }

    /** The working days from {@code from} up to, not including, {@code toExclusive}: 0 when not after. */
    int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!toExclusive.isAfter(from)) {
            return 0;
        }
        Map<LocalDate, DayKind> listed = load(from, toExclusive.minusDays(1));
        int count = 0;
        for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day, listed.get(day))) {
                count++;
            }
        }
        return count;
    }

    /**
     * The moment a pause that starts at {@code start} has used up {@code days} working days
     * (counted from start's date): the beginning of the day after the {@code days}-th working
     * day on or after start's date, in China time; {@code start} itself when days is 0 or less.
     */
    ZonedDateTime afterWorkingDays(ZonedDateTime start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 1) {
            return start;
        }
        LocalDate date = start.withZoneSameInstant(ZONE).toLocalDate();
        return plusWorkingDays(date.minusDays(1), days).plusDays(1).atStartOfDay(ZONE);
    }

    /** The same time of day {@code days} working days later (a deadline moved by a pause); unchanged for 0. */
    ZonedDateTime shiftByWorkingDays(ZonedDateTime at, int days) {
        Objects.requireNonNull(at, "at");
        if (days < 1) {
            return at;
        }
        ZonedDateTime local = at.withZoneSameInstant(ZONE);
        return ZonedDateTime.of(plusWorkingDays(local.toLocalDate(), days), local.toLocalTime(), ZONE);
    }

    /**
     * The due moment of a period starting at {@code from}, in China time. Days are counted
     * from the date {@code from} falls on in China: one working day is the whole next
     * working day, not 24 hours.
     */
    ZonedDateTime deadline(ZonedDateTime from, int amount, PeriodUnit unit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("A period must be at least 1, was " + amount + " " + unit);
        }
        ZonedDateTime start = from.withZoneSameInstant(ZONE);
        return switch (unit) {
            case WORKING_DAYS -> endOf(plusWorkingDays(start.toLocalDate(), amount));
            case CALENDAR_DAYS -> endOf(start.toLocalDate().plusDays(amount));
            case HOURS -> start.plusHours(amount);
        };
    }

    static ZonedDateTime endOf(LocalDate day) {
        return ZonedDateTime.of(day, END_OF_DAY, ZONE);
    }

    /**
     * Days to read to find n more working days: without holidays n working days span at
     * most 7n/5 + 2 days; 2n + 31 leaves room for the longest holidays of the notices
     * (春节, 国庆: 8 or 9 days) several times over, so one query is enough in practice.
     */
    private static long window(int n) {
        return 2L * n + 31;
    }

    private Map<LocalDate, DayKind> load(LocalDate first, LocalDate last) {
        Map<LocalDate, DayKind> listed = new HashMap<>();
        for (CalendarDay day : source.between(first, last)) {
            listed.put(day.day(), day.kind());
        }
        return listed;
    }
}
