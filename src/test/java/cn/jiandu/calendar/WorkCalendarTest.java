package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The calendar's rules over the 2025 and 2026 notices (../shared/reference/cn-holidays.md),
 * without Spring or a database.
 */
class WorkCalendarTest {

    /** The notices' table, typed in as ranges: what V3__calendar.sql must hold day by day. */
    static final List<CalendarDay> NOTICES = new ArrayList<>();

    static {
        holiday("2025-01-01", "2025-01-01", "元旦");
        holiday("2025-01-28", "2025-02-04", "春节");
        workday("2025-01-26", "春节调休上班");
        workday("2025-02-08", "春节调休上班");
        holiday("2025-04-04", "2025-04-06", "清明节");
        holiday("2025-05-01", "2025-05-05", "劳动节");
        workday("2025-04-27", "劳动节调休上班");
        holiday("2025-05-31", "2025-06-02", "端午节");
        holiday("2025-10-01", "2025-10-08", "国庆节、中秋节");
        workday("2025-09-28", "国庆节、中秋节调休上班");
        workday("2025-10-11", "国庆节、中秋节调休上班");
        holiday("2026-01-01", "2026-01-03", "元旦");
        workday("2026-01-04", "元旦调休上班");
        holiday("2026-02-15", "2026-02-23", "春节");
        workday("2026-02-14", "春节调休上班");
        workday("2026-02-28", "春节调休上班");
        holiday("2026-04-04", "2026-04-06", "清明节");
        holiday("2026-05-01", "2026-05-05", "劳动节");
        workday("2026-05-09", "劳动节调休上班");
        holiday("2026-06-19", "2026-06-21", "端午节");
        holiday("2026-09-25", "2026-09-27", "中秋节");
        workday("2026-09-20", "中秋节调休上班");
        holiday("2026-10-01", "2026-10-07", "国庆节");
        workday("2026-10-10", "国庆节调休上班");
    }

    private final WorkingDays calendar = WorkingDays.of(NOTICES);

    @Test
    void shouldSkipWeekends() {
        // Friday 2026-03-06
        assertThat(calendar.plusWorkingDays(date("2026-03-06"), 1)).isEqualTo(date("2026-03-09"));
        assertThat(calendar.plusWorkingDays(date("2026-03-06"), 5)).isEqualTo(date("2026-03-13"));
        assertThat(calendar.plusWorkingDays(date("2026-03-07"), 1)).as("from a Saturday").isEqualTo(date("2026-03-09"));
        assertThat(calendar.isWorkingDay(date("2026-03-07"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-09"))).isTrue();
    }

    @Test
    void shouldSkipHolidays() {
        // 春节 2026-02-15 … 02-23: from Friday 02-13 the make-up Saturday 02-14, then Tuesday 02-24
        assertThat(calendar.plusWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
        assertThat(calendar.plusWorkingDays(date("2026-02-13"), 2)).isEqualTo(date("2026-02-24"));
        assertThat(calendar.isWorkingDay(date("2026-02-16"))).as("Monday in 春节").isFalse();
        // 国庆 2026-10-01 … 10-07
        assertThat(calendar.plusWorkingDays(date("2026-09-30"), 1)).isEqualTo(date("2026-10-08"));
        for (LocalDate day = date("2026-10-01"); !day.isAfter(date("2026-10-07")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
    }

    @Test
    void shouldCountMakeUpDays() {
        assertThat(calendar.isWorkingDay(date("2026-02-14"))).as("Saturday worked before 春节").isTrue();
        assertThat(calendar.isWorkingDay(date("2026-02-28"))).as("Saturday worked after 春节").isTrue();
        assertThat(calendar.isWorkingDay(date("2025-09-28"))).as("Sunday worked before 国庆").isTrue();
        assertThat(calendar.plusWorkingDays(date("2026-02-27"), 1)).isEqualTo(date("2026-02-28"));
        assertThat(calendar.plusWorkingDays(date("2025-09-26"), 1)).isEqualTo(date("2025-09-28"));
        assertThat(calendar.plusWorkingDays(date("2025-09-26"), 2)).isEqualTo(date("2025-09-29"));
    }

    @Test
    void shouldCrossTheYearBoundary() {
        // 元旦 2026-01-01 … 01-03, then the make-up Sunday 01-04
        assertThat(calendar.plusWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-04"));
        assertThat(calendar.plusWorkingDays(date("2025-12-31"), 2)).isEqualTo(date("2026-01-05"));
        assertThat(calendar.deadline(at("2025-12-31T17:30:00+08:00"), 2, PeriodUnit.WORKING_DAYS))
                .isEqualTo(at("2026-01-05T23:59:59+08:00"));
    }

    @Test
    void shouldEndThreeWorkingDaysFromTheEveOfNationalDayOnTheMakeUpSaturday() {
        // the worked example: 10-08, 10-09 and the make-up Saturday 10-10
        ZonedDateTime due = calendar.deadline(at("2026-09-30T10:00:00+08:00"), 3, PeriodUnit.WORKING_DAYS);
        assertThat(due).isEqualTo(at("2026-10-10T23:59:59+08:00"));
        assertThat(due.toOffsetDateTime().toString()).isEqualTo("2026-10-10T23:59:59+08:00");
    }

    @Test
    void shouldCountHoursExactlyAcrossMidnightAndHolidays() {
        assertThat(calendar.deadline(at("2026-03-10T22:30:00+08:00"), 3, PeriodUnit.HOURS))
                .isEqualTo(at("2026-03-11T01:30:00+08:00"));
        assertThat(calendar.deadline(at("2026-09-30T23:00:00+08:00"), 2, PeriodUnit.HOURS))
                .isEqualTo(at("2026-10-01T01:00:00+08:00"));
    }

    @Test
    void shouldMakeOneWorkingDayTheWholeNextWorkingDayNotTwentyFourHours() {
        assertThat(calendar.deadline(at("2026-03-04T16:00:00+08:00"), 1, PeriodUnit.WORKING_DAYS))
                .as("Wednesday afternoon: all of Thursday").isEqualTo(at("2026-03-05T23:59:59+08:00"));
        assertThat(calendar.deadline(at("2026-03-06T10:00:00+08:00"), 1, PeriodUnit.WORKING_DAYS))
                .as("Friday: all of Monday, not Saturday 10:00").isEqualTo(at("2026-03-09T23:59:59+08:00"));
    }

    @Test
    void shouldCountCalendarDaysThroughHolidays() {
        assertThat(calendar.deadline(at("2026-09-30T10:00:00+08:00"), 3, PeriodUnit.CALENDAR_DAYS))
                .isEqualTo(at("2026-10-03T23:59:59+08:00"));
    }

    @Test
    void shouldCountFromTheDateInChina() {
        // 2026-09-29T20:00Z is already Wednesday 09-30 04:00 in China
        ZonedDateTime utc = ZonedDateTime.of(2026, 9, 29, 20, 0, 0, 0, ZoneOffset.UTC);
        assertThat(calendar.deadline(utc, 3, PeriodUnit.WORKING_DAYS)).isEqualTo(at("2026-10-10T23:59:59+08:00"));
    }

    @Test
    void shouldReadTheCalendarOnceForADeadline() {
        AtomicInteger queries = new AtomicInteger();
        WorkingDays counted = new WorkingDays((first, last) -> {
            queries.incrementAndGet();
            return NOTICES.stream().filter(d -> !d.day().isBefore(first) && !d.day().isAfter(last)).toList();
        });
        counted.deadline(at("2026-09-30T10:00:00+08:00"), 3, PeriodUnit.WORKING_DAYS);
        assertThat(queries).hasValue(1);
        counted.plusWorkingDays(date("2026-01-20"), 60);
        assertThat(queries).hasValue(2);
    }

    @Test
    void shouldComputeManyDeadlinesFromOnePreloadedRange() {
        AtomicInteger queries = new AtomicInteger();
        CalendarMapper mapper = (CalendarMapper) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CalendarMapper.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("findBetween")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    queries.incrementAndGet();
                    LocalDate first = (LocalDate) args[0];
                    LocalDate last = (LocalDate) args[1];
                    return NOTICES.stream().filter(d -> !d.day().isBefore(first) && !d.day().isAfter(last)).toList();
                });
        WorkCalendar preloaded = new WorkCalendar(mapper).preload(date("2026-09-01"), date("2026-12-31"));
        assertThat(queries).hasValue(1);
        for (LocalDate day = date("2026-09-01"); day.isBefore(date("2026-10-31")); day = day.plusDays(1)) {
            assertThat(preloaded.deadline(day.atTime(10, 0).atZone(WorkingDays.ZONE), 3, PeriodUnit.WORKING_DAYS))
                    .isEqualTo(calendar.deadline(day.atTime(10, 0).atZone(WorkingDays.ZONE), 3, PeriodUnit.WORKING_DAYS));
        }
        assertThat(queries).as("nothing read within the range").hasValue(1);
        assertThat(preloaded.deadline(at("2026-12-30T10:00:00+08:00"), 3, PeriodUnit.WORKING_DAYS))
                .as("beyond the range the days are read").isEqualTo(at("2027-01-04T23:59:59+08:00"));
        assertThat(queries).hasValue(2);
    }

    @Test
    void shouldReadFurtherWhenHolidaysFillTheFirstRange() {
        List<CalendarDay> longBreak = new ArrayList<>();
        for (LocalDate day = date("2030-01-01"); day.isBefore(date("2030-04-01")); day = day.plusDays(1)) {
            longBreak.add(new CalendarDay(day, DayKind.HOLIDAY, "停工"));
        }
        // 2030-04-01 is a Monday
        assertThat(WorkingDays.of(longBreak).plusWorkingDays(date("2029-12-31"), 1)).isEqualTo(date("2030-04-01"));
    }

    @Test
    void shouldRefuseAPeriodOfLessThanOne() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(date("2026-03-06"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.deadline(at("2026-03-06T10:00:00+08:00"), -1, PeriodUnit.HOURS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSeedExactlyTheNotices() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V3__calendar.sql")) {
            assertThat(in).as("V3__calendar.sql on the classpath").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<CalendarDay> seeded = new ArrayList<>();
        Matcher m = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']*)'\\)").matcher(sql);
        while (m.find()) {
            seeded.add(new CalendarDay(date(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3)));
        }
        assertThat(seeded).containsExactlyInAnyOrderElementsOf(NOTICES);
        assertThat(seeded).filteredOn(d -> d.kind() == DayKind.WORKDAY)
                .allSatisfy(d -> assertThat(WorkingDays.isWeekend(d.day())).as(d.toString()).isTrue());
    }

    private static void holiday(String first, String last, String name) {
        for (LocalDate day = date(first); !day.isAfter(date(last)); day = day.plusDays(1)) {
            NOTICES.add(new CalendarDay(day, DayKind.HOLIDAY, name));
        }
    }

    private static void workday(String day, String name) {
        NOTICES.add(new CalendarDay(date(day), DayKind.WORKDAY, name));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso).withZoneSameInstant(WorkingDays.ZONE);
    }
}
