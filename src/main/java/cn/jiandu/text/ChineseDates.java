package cn.jiandu.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import cn.jiandu.time.Times;

/**
 * Dates as Chinese official documents write them, in China time: 2026年3月10日, and
 * 2026年3月10日 17:00 where the time matters; for documents, reports and messages alike.
 * Offered to every template as cnDate(x) and cnDateTime(x) ({@link Templates}); x may be any
 * java.time date or date-time, a java.util.Date or ISO-8601 text, and an empty value gives an
 * empty text.
 */
public final class ChineseDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");

    private ChineseDates() {
    }

    public static String date(Object value) {
        TemporalAccessor t = toTemporal(value);
        return t == null ? "" : DATE.format(t);
    }

    /** Date and time; a date without a time (LocalDate) is written as a date. */
    public static String dateTime(Object value) {
        TemporalAccessor t = toTemporal(value);
        if (t == null) {
            return "";
        }
        return t instanceof LocalDate ? DATE.format(t) : DATE_TIME.format(t);
    }

    private static TemporalAccessor toTemporal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(Times.CHINA);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(Times.CHINA);
        }
        if (value instanceof Instant i) {
            return i.atZone(Times.CHINA);
        }
        if (value instanceof LocalDateTime || value instanceof LocalDate) {
            return (TemporalAccessor) value;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(Times.CHINA);
        }
        if (value instanceof CharSequence text) {
            return text.toString().isBlank() ? null : parse(text.toString().strip());
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
    }

    private static TemporalAccessor parse(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(Times.CHINA);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("Not an ISO-8601 date: " + text);
                }
            }
        }
    }

    /** cnDate(x) and cnDateTime(x) for the templates. */
    static TemplateMethodModelEx method(boolean withTime) {
        return arguments -> {
            List<?> args = arguments;
            if (args.size() != 1) {
                throw new TemplateModelException((withTime ? "cnDateTime" : "cnDate") + " takes one argument");
            }
            Object value = DeepUnwrap.unwrap((TemplateModel) args.get(0));
            try {
                return withTime ? dateTime(value) : date(value);
            } catch (IllegalArgumentException e) {
                throw new TemplateModelException(e.getMessage(), e);
            }
        };
    }
}
