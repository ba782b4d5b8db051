package cn.jiandu.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.jiandu.text.PlainText;
import cn.jiandu.web.InputError;

/**
 * Turns an upload's row into a ledger record, or into the errors of its cells: every bad
 * cell of the row is reported, with the row's line and the column. The references to
 * other rows (a case's incident, a measure's case) are checked later, a batch at a time.
 */
final class LedgerRowParser {

    static final int MAX_KEY = 64;
    static final int MAX_OFFICER = 32;
    static final int MAX_SUMMARY = 1000;

    private final LedgerKind kind;
    private final Set<String> units;

    LedgerRowParser(LedgerKind kind, Set<String> units) {
        this.kind = kind;
        this.units = units;
    }

    /** Cells that may hold several lines (tab and line breaks); every other cell is one line. */
    private static final Set<String> MULTI_LINE = Set.of("summary");

    /** The record, or null when the row had errors (added to {@code errors}). */
    LedgerRecord parse(LedgerInput.Row row, List<InputError> errors) {
        Cells cells = new Cells(row);
        cells.errors.addAll(row.readErrors());
        LedgerRecord record = switch (kind) {
            case INCIDENTS -> new LedgerRecord.Incident(row.line(), cells.key("incident_no"), cells.unit("unit_code"),
                    cells.code("category", IncidentCategory.class, true), cells.time("received_at", true),
                    cells.time("diverted_at", false), cells.text("summary", MAX_SUMMARY));
            case CASES -> new LedgerRecord.CaseRecord(row.line(), cells.key("case_no"),
                    cells.reference("incident_no", false), cells.unit("unit_code"),
                    cells.text("officer_no", MAX_OFFICER), cells.code("category", CaseCategory.class, true),
                    cells.time("accepted_at", false), cells.time("receipt_at", false), cells.time("filed_at", false),
                    cells.time("filing_notice_at", false), cells.time("not_filed_at", false),
                    cells.time("closed_at", false));
            case MEASURES -> new LedgerRecord.Measure(row.line(), cells.key("measure_no"),
                    cells.reference("case_no", true), cells.code("type", MeasureType.class, true),
                    cells.time("start_at", false), cells.time("end_at", false), cells.time("released_at", false));
        };
        if (cells.errors.isEmpty()) {
            return record;
        }
        errors.addAll(cells.errors);
        return null;
    }

    private final class Cells {
        private final LedgerInput.Row row;
        private final List<InputError> errors = new ArrayList<>();
        /** Columns already reported (bad bytes): no second error for them. */
        private final Set<String> unreadable = new java.util.HashSet<>();

        Cells(LedgerInput.Row row) {
            this.row = row;
        }

        private String raw(String column) {
            String value = row.get(column);
            if (value != null && value.indexOf('\uFFFD') >= 0) {
                error(column, "字符编码错误: 内容不是 UTF-8（Excel 导出的 GBK 文件请声明 Content-Type: text/csv;charset=GBK）");
                unreadable.add(column);
                return null;
            }
            // the rule of every name, title and comment (text.PlainText), for the case system's text too
            if (!(MULTI_LINE.contains(column) ? PlainText.isMultiLine(value) : PlainText.isSingleLine(value))) {
                error(column, "不能含控制字符、不完整的字符或文字方向控制符"
                        + (MULTI_LINE.contains(column) ? "" : "（也不能换行）"));
                unreadable.add(column);
                return null;
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        String key(String column) {
            String value = raw(column);
            if (value == null) {
                error(column, kind.label() + "编号不能为空");
            } else if (value.length() > MAX_KEY) {
                error(column, "编号最长" + MAX_KEY + "个字符");
            }
            return value;
        }

        String reference(String column, boolean required) {
            String value = raw(column);
            if (value == null && required) {
                error(column, "不能为空");
            } else if (value != null && value.length() > MAX_KEY) {
                error(column, "编号最长" + MAX_KEY + "个字符");
            }
            return value;
        }

        String unit(String column) {
            String value = raw(column);
            if (value == null) {
                error(column, "单位不能为空");
            } else if (!units.contains(value)) {
                error(column, "单位不存在: " + value);
            }
            return value;
        }

        String text(String column, int max) {
            String value = raw(column);
            if (value != null && value.length() > max) {
                error(column, "最长" + max + "个字符");
            }
            return value;
        }

        <E extends Enum<E> & Labelled> E code(String column, Class<E> type, boolean required) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    error(column, "不能为空，可选值: " + choices(type));
                }
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toUpperCase(Locale.ROOT)) || constant.label().equals(value)) {
                    return constant;
                }
            }
            error(column, "取值无效: " + abbreviate(value) + "，可选值: " + choices(type));
            return null;
        }

        Instant time(String column, boolean required) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    error(column, "时间不能为空");
                }
                return null;
            }
            Instant instant = LedgerTimes.parse(value);
            if (instant == null) {
                error(column, "时间无效: " + abbreviate(value) + "（格式如 2026-03-01T08:30:00 或 2026-03-01T08:30:00+08:00）");
            } else if (!LedgerTimes.inRange(instant)) {
                error(column, "时间超出范围: " + value + "（2000年至2037年）");
                return null;
            }
            return instant;
        }

        private void error(String column, String message) {
            if (unreadable.contains(column)) {
                return;
            }
            errors.add(new InputError(row.line(), column, message));
        }
    }

    private static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name() + " " + constant.label());
        }
        return String.join(", ", names);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
