package cn.jiandu.report;

import java.time.Instant;
import java.time.LocalDate;

import cn.jiandu.time.Times;
import cn.jiandu.text.ChineseDates;

/**
 * The days a report covers, first and last included, in China time; as instants from the
 * start of the first day (inclusive) to the start of the day after the last (exclusive).
 */
public record Period(ReportType type, LocalDate start, LocalDate end) {

    public Instant startInstant() {
        return start.atStartOfDay(Times.CHINA).toInstant();
    }

    public Instant endInstant() {
        return end.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
    }

    /**
     * The issue number (期号): the period's place in its first day's year, so that numbers
     * follow the periods' order whenever each report is made: the day of the year, the
     * week (1 for the first week starting in the year), the month.
     */
    public int issueNo() {
        return switch (type) {
            case DAILY -> start.getDayOfYear();
            case WEEKLY -> (start.getDayOfYear() - 1) / 7 + 1;
            case MONTHLY -> start.getMonthValue();
        };
    }

    /** 2026年3月10日; 2026年3月9日至3月15日; 2026年3月. */
    public String text() {
        return switch (type) {
            case DAILY -> ChineseDates.date(start);
            case WEEKLY -> ChineseDates.date(start) + "至" + (start.getYear() == end.getYear()
                    ? end.getMonthValue() + "月" + end.getDayOfMonth() + "日" : ChineseDates.date(end));
            case MONTHLY -> start.getYear() + "年" + start.getMonthValue() + "月";
        };
    }
}
