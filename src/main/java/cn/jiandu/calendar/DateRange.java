package cn.jiandu.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiandu.text.PlainText;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * A statistics period from two request parameters {@code from} and {@code to} (yyyy-MM-dd,
 * both days included, China time): both required, within the clock's years, from not after
 * to; otherwise 400 naming the parameter, the value shown shortened and printable.
 */
public record DateRange(LocalDate from, LocalDate to) {

    private static final int SHOWN = 40;

    public static DateRange parse(String from, String to) {
        List<InputError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(InputError.of("from", "开始日期 " + start + " 晚于结束日期 " + end));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String field, String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.of(field, "缺少日期（格式 yyyy-MM-dd）"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!AppClock.isInRange(date.getYear())) {
                errors.add(InputError.of(field, "日期超出范围: " + shown(value) + "（" + AppClock.range() + "年）"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(InputError.of(field, "日期无效: " + shown(value) + "（格式 yyyy-MM-dd）"));
            return null;
        }
    }

    private static String shown(String value) {
        String printable = PlainText.printable(value);
        return printable.length() > SHOWN ? printable.substring(0, SHOWN) + "…" : printable;
    }
}
