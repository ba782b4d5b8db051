package cn.jiandu.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The three supervision reports (监督日报、周报、月报) and their periods: a day, the Monday to
 * Sunday week, the calendar month.
 */
public enum ReportType {
    DAILY("执法监督日报", "日报", "本日", "daily"),
    WEEKLY("执法监督周报", "周报", "本周", "weekly"),
    MONTHLY("执法监督月报", "月报", "本月", "monthly");

    private final String title;
    private final String shortLabel;
    private final String thisPeriod;
    private final String template;

    ReportType(String title, String shortLabel, String thisPeriod, String template) {
        this.title = title;
        this.shortLabel = shortLabel;
        this.thisPeriod = thisPeriod;
        this.template = template;
    }

    /** 执法监督日报 … */
    public String title() {
        return title;
    }

    /** 日报, 周报, 月报 */
    public String shortLabel() {
        return shortLabel;
    }

    /** How the report calls its own period: 本日, 本周, 本月. */
    public String thisPeriod() {
        return thisPeriod;
    }

    /** The template under templates/reports/, without .ftl. */
    String template() {
        return template;
    }

    /** The period that contains {@code day}. */
    public Period periodOf(LocalDate day) {
        return switch (this) {
            case DAILY -> new Period(this, day, day);
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(this, monday, monday.plusDays(6));
            }
            case MONTHLY -> new Period(this, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The last period that ended before {@code today} began: yesterday, last week, last month. */
    public Period lastCompleteBefore(LocalDate today) {
        return periodOf(periodOf(today).start().minusDays(1));
    }

    /** DAILY, WEEKLY or MONTHLY in any case; empty for anything else. */
    public static Optional<ReportType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
