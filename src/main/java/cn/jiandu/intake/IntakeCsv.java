package cn.jiandu.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.jiandu.problem.Channel;
import cn.jiandu.text.CsvInput;
import cn.jiandu.text.PlainText;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * The rows of an intake import (POST /api/intake/import), every one checked by
 * {@link IntakeValidation} as the API checks a ticket, before anything is stored. The
 * columns are the API's fields, the complainant's flattened (complainantPhone …), in any
 * order, their names matched ignoring case; an error names the line of the file (the
 * header is line 1) and the column, never the complainant's data. Two rows of the file
 * with the same channel and ticket number are one ticket when their content is the same,
 * an error otherwise.
 */
final class IntakeCsv {

    /** The most data rows a file may have. */
    static final int MAX_ROWS = 5000;
    /** The most errors listed (all are counted). */
    static final int MAX_ERRORS = 100;

    static final String SOURCE = "source";
    static final String TICKET_NO = "ticketNo";
    static final String RECEIVED_AT = "receivedAt";
    static final String CONTENT = "content";
    static final String NAME = "complainantName";
    static final String PHONE = "complainantPhone";
    static final String ID_NUMBER = "complainantIdNumber";
    static final String UNIT_HINT = "unitHint";
    static final String INCIDENT_NO = "incidentNo";
    static final String CASE_NO = "caseNo";

    /** Every column, in the order the contract lists them. */
    static final List<String> COLUMNS = List.of(SOURCE, TICKET_NO, RECEIVED_AT, CONTENT, NAME, PHONE, ID_NUMBER,
            UNIT_HINT, INCIDENT_NO, CASE_NO);
    /** The columns every file must have (the API's required fields); the others may be left out. */
    static final List<String> REQUIRED = List.of(SOURCE, TICKET_NO, RECEIVED_AT, CONTENT);

    /** The column of each of {@link IntakeValidation}'s fields. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("complainant.name", NAME,
            "complainant.phone", PHONE, "complainant.idNumber", ID_NUMBER);

    /**
     * A row to store: its line, the request as the API would have had it (handed to
     * {@link IntakeService#receive}), and {@code firstLine} the earlier line of the file with
     * the same ticket (null when it is the first).
     */
    record Line(int line, IntakeRequest request, IntakeValidation.Checked checked, Integer firstLine) {

        @Override
        public String toString() {
            return "Line[" + line + ", " + checked + "]";
        }
    }

    private IntakeCsv() {
    }

    /**
     * Every row of the file, checked.
     *
     * @param channels the channel of a code, if there is one
     * @param now      the server's time
     * @throws InvalidInputException listing every error (up to {@link #MAX_ERRORS}), each with its line and column
     */
    static List<Line> read(CsvInput csv, Function<String, Optional<Channel>> channels, Instant now) {
        Errors errors = new Errors();
        header(csv, errors);
        errors.throwIfAny();
        List<Line> lines = new ArrayList<>();
        Map<String, Line> firsts = new HashMap<>();
        int rows = 0;
        int encodingErrors = 0;
        try {
            for (CsvInput.Row row : csv) {
                if (++rows > MAX_ROWS) {
                    errors.add(new InputError(row.line(), "row", "每个文件最多" + MAX_ROWS + "行数据，请分批导入"));
                    break;
                }
                List<InputError> unreadable = csv.encodingErrors();
                if (unreadable.size() > encodingErrors) {
                    // bytes not valid in the charset (reported as the row was read): not checked further
                    unreadable.subList(encodingErrors, unreadable.size())
                            .forEach(e -> errors.add(new InputError(e.line(), column(e.field()), e.message())));
                    encodingErrors = unreadable.size();
                    continue;
                }
                IntakeRequest request = request(row);
                IntakeValidation.Checked checked;
                try {
                    checked = IntakeValidation.check(request, channels, now);
                } catch (InvalidInputException e) {
                    e.errors().forEach(error -> errors.add(at(row.line(), error)));
                    continue;
                }
                Line first = firsts.putIfAbsent(key(checked), new Line(row.line(), request, checked, null));
                if (first == null) {
                    lines.add(firsts.get(key(checked)));
                } else if (first.checked().content().equals(checked.content())) {
                    lines.add(new Line(row.line(), request, checked, first.line()));
                } else {
                    errors.add(new InputError(row.line(), TICKET_NO, "与第" + first.line() + "行的渠道、工单号相同而诉求内容不同"
                            + "（第" + first.line() + "行与第" + row.line() + "行）；同一工单只能有一种内容"));
                }
            }
        } catch (InvalidInputException e) {
            // the reading itself broke (an unclosed quote): no more rows to check
            e.errors().forEach(errors::add);
        }
        errors.throwIfAny();
        return lines;
    }

    /** The map key of a ticket: its channel and number. */
    static String key(IntakeValidation.Checked checked) {
        return checked.source() + '\u0000' + checked.ticketNo();
    }

    /** Unknown, repeated, unnamed and missing columns, all named on line 1. */
    private static void header(CsvInput csv, Errors errors) {
        Map<String, String> known = new LinkedHashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, Integer> seen = new HashMap<>();
        List<String> header = csv.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String column = known.get(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                errors.add(new InputError(1, "第" + (i + 1) + "列", "表头第" + (i + 1) + "列没有列名"));
            } else if (column == null) {
                String shown = PlainText.printable(name.length() > 40 ? name.substring(0, 40) + "…" : name);
                errors.add(new InputError(1, shown, "未知的列: " + shown + "，可用的列: " + String.join(", ", COLUMNS)));
            } else if (seen.putIfAbsent(column, i + 1) != null) {
                errors.add(new InputError(1, column, "列重复: " + column + "（表头第" + seen.get(column) + "列和第" + (i + 1)
                        + "列）"));
            }
        }
        for (String column : REQUIRED) {
            if (!seen.containsKey(column)) {
                errors.add(new InputError(1, column, "缺少列: " + column + "（必需的列: " + String.join(", ", REQUIRED) + "）"));
            }
        }
    }

    private static IntakeRequest request(CsvInput.Row row) {
        return new IntakeRequest(cell(row, SOURCE), cell(row, TICKET_NO), cell(row, RECEIVED_AT), cell(row, CONTENT),
                new IntakeRequest.Complainant(cell(row, NAME), cell(row, PHONE), cell(row, ID_NUMBER)),
                cell(row, UNIT_HINT), cell(row, INCIDENT_NO), cell(row, CASE_NO));
    }

    private static String cell(CsvInput.Row row, String column) {
        return row.get(column.toLowerCase(Locale.ROOT));
    }

    /** An error of {@link IntakeValidation} (a field of the API) as the error of the line's column. */
    static InputError at(int line, InputError error) {
        return new InputError(line, column(error.field()), error.message());
    }

    /** The column of an API field or of a lower-cased column name; other names as they are. */
    private static String column(String field) {
        String column = COLUMN_OF_FIELD.get(field);
        if (column != null) {
            return column;
        }
        for (String c : COLUMNS) {
            if (c.equalsIgnoreCase(field)) {
                return c;
            }
        }
        return field;
    }

    /** The errors of a file: every one counted, the first {@link #MAX_ERRORS} kept. */
    private static final class Errors {
        private final List<InputError> kept = new ArrayList<>();
        private int count;

        void add(InputError error) {
            count++;
            if (kept.size() < MAX_ERRORS) {
                kept.add(error);
            }
        }

        void throwIfAny() {
            if (count == 0) {
                return;
            }
            List<InputError> sorted = new ArrayList<>(kept);
            sorted.sort(Comparator.comparing(InputError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
            if (count > kept.size()) {
                sorted.add(InputError.of("body", "共" + count + "处错误，仅列出前" + kept.size() + "处；未导入任何数据"));
            }
            throw new InvalidInputException(sorted);
        }
    }
}
