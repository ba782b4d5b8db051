package cn.jiandu.escalation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates as Chinese readers write them: 2026年3月10日 17:00. */
final class ChineseDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private ChineseDates() {
    }

    static String dateTime(ZonedDateTime time) {
        return time == null ? "" : DATE_TIME.format(time.withZoneSameInstant(cn.jiandu.web.Times.CHINA));
    }
}
