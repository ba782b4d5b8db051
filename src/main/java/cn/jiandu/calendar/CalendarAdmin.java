package cn.jiandu.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.text.CsvInput;
import cn.jiandu.text.PlainText;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/**
 * The administrator's side of the calendar: each November's State Council notice is
 * entered here (by hand or as CSV), without a release.
 */
@Service
class CalendarAdmin {

    private static final int MAX_NAME = 50;
    /** 2026-10-01 as well as 2026/10/1, the way Excel tends to rewrite dates. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    private final CalendarMapper mapper;

    CalendarAdmin(CalendarMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    List<CalendarDay> year(int year) {
        if (!AppClock.isInRange(year)) {
            throw new InvalidInputException("year", "年份无效: " + year + "（" + AppClock.range() + "）");
        }
        return mapper.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Adds or replaces the day. */
    @Transactional
    CalendarDay save(LocalDate day, CalendarDayRequest request) {
        CalendarDay entry = new CalendarDay(day, request.kind(), blankToNull(request.name()));
        List<InputError> errors = new ArrayList<>();
        check(entry, null, errors);
        throwIfAny(errors);
        upsert(entry);
        return entry;
    }

    @Transactional
    void delete(LocalDate day) {
        if (mapper.delete(day) == 0) {
            throw new NotFoundException("工作日历中没有这一天: " + day);
        }
    }

    /**
     * Imports days from CSV (columns day, kind, name in any order; day as 2026-10-01 or
     * 2026/10/1); all or nothing: any bad row fails the import naming every bad line and
     * column, and nothing is stored. Existing days are replaced.
     */
    @Transactional
    ImportResult importDays(CsvInput csv) {
        csv.requireColumns(List.of("day", "kind"));
        Map<LocalDate, Integer> lines = new HashMap<>();
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        for (CsvInput.Row row : csv) {
            int line = row.line();
            int before = errors.size();
            LocalDate day = parseDay(row.get("day"), line, errors);
            DayKind kind = row.getEnum("kind", DayKind.class, errors);
            if (kind == null && row.get("kind") == null) {
                errors.add(new InputError(line, "kind", "类型不能为空，可选值: HOLIDAY, WORKDAY"));
            }
            if (errors.size() > before) {
                continue;
            }
            CalendarDay entry = new CalendarDay(day, kind, blankToNull(row.get("name")));
            check(entry, line, errors);
            Integer first = lines.putIfAbsent(day, line);
            if (first != null) {
                errors.add(new InputError(line, "day", "日期重复: " + day + "（第" + first + "行）"));
            }
            days.put(day, entry);
        }
        errors.addAll(csv.encodingErrors());
        throwIfAny(errors);
        int created = 0;
        int updated = 0;
        for (CalendarDay entry : days.values()) {
            if (upsert(entry)) {
                created++;
            } else {
                updated++;
            }
        }
        return new ImportResult(created, updated);
    }

    /** Inserts or updates; true when the day was new. */
    private boolean upsert(CalendarDay entry) {
        if (mapper.find(entry.day()) == null) {
            mapper.insert(entry);
            return true;
        }
        mapper.update(entry);
        return false;
    }

    private static void check(CalendarDay entry, Integer line, List<InputError> errors) {
        if (!AppClock.isInRange(entry.day().getYear())) {
            errors.add(new InputError(line, "day", "日期超出范围: " + entry.day()));
        }
        // a make-up day on a weekday changes nothing: most likely a mistyped date
        if (entry.kind() == DayKind.WORKDAY && !WorkingDays.isWeekend(entry.day())) {
            errors.add(new InputError(line, "day", "调休上班日应为周六或周日: " + entry.day() + " 是"
                    + entry.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE)));
        }
        if (entry.name() != null && entry.name().length() > MAX_NAME) {
            errors.add(new InputError(line, "name", "名称最长" + MAX_NAME + "字"));
        }
        if (!PlainText.isSingleLine(entry.name())) {
            errors.add(new InputError(line, "name", "名称不能含控制字符或不完整的字符"));
        }
    }

    static LocalDate parseDay(String value, int line, List<InputError> errors) {
        if (value == null) {
            errors.add(new InputError(line, "day", "日期不能为空"));
            return null;
        }
        Matcher m = DATE.matcher(value.strip());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // fall through: no such day (2027-02-30)
            }
        }
        errors.add(new InputError(line, "day", "日期无效: " + value + "（格式如 2026-10-01）"));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void throwIfAny(List<InputError> errors) {
        if (!errors.isEmpty()) {
            List<InputError> byLine = new ArrayList<>(errors);
            byLine.sort(Comparator.comparing(InputError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
            throw new InvalidInputException(byLine);
        }
    }

    /** What an import did. */
    record ImportResult(int created, int updated) {
    }
}
