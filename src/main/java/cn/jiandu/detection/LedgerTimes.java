package cn.jiandu.detection;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import cn.jiandu.time.Times;

/**
 * Times in the ledgers: ISO local date-times in China time (2026-03-01T08:30:00, seconds
 * optional, a blank instead of the T as Excel writes them) or with an offset
 * (2026-03-01T08:30:00+08:00, …Z).
 */
final class LedgerTimes {

    /**
     * The times a ledger may hold: MySQL's TIMESTAMP ends in January 2038, and nothing in
     * the case system's ledgers is older than 2000.
     */
    static final Instant EARLIEST = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(Times.CHINA).toInstant();
    static final Instant LATEST = LocalDateTime.of(2037, 12, 31, 23, 59, 59).atZone(Times.CHINA).toInstant();

    private static final Pattern SPACE_SEPARATOR = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");

    private LedgerTimes() {
    }

    /** The instant, or null when the text is no such time. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String iso = SPACE_SEPARATOR.matcher(text.strip()).replaceFirst("$1T$2");
        try {
            if (hasOffset(iso)) {
                return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(Times.CHINA).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = iso.substring(t + 1);
        return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }
}
