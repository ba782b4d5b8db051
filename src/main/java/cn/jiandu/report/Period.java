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
