package cn.jiandu.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import cn.jiandu.text.CsvInput;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * A ledger upload read one row at a time, never whole: CSV (header row, columns in any
 * order) or a JSON array of objects with the same names. A CSV row's line is its line in
 * the file (the header is line 1); a JSON row's is its place in the array (the first
 * object is 1). Empty cells and JSON nulls are null. Errors that end the reading (broken
 * CSV quoting, JSON syntax) are thrown as {@link InvalidInputException}; bytes not valid in
 * the charset come out of CSV as U+FFFD, which the row parser reports per cell.
 */
interface LedgerInput extends Iterable<LedgerInput.Row> {

    /** One row: its line and its cells by column name (lower case). */
    interface Row {
        int line();

        String get(String column);

        /** What was wrong with the row's cells as read (a JSON structure where a value belongs). */
        List<InputError> readErrors();
    }

    static LedgerInput csv(InputStream body, String contentType, List<String> requiredColumns) {
        CsvInput csv = CsvInput.open(body, contentType);
        csv.requireColumns(requiredColumns);
        return new Csv(csv);
    }

    /**
     * JSON in UTF-8 (or the charset the Content-Type names), decoded strictly: Jackson's own
     * byte decoder lets some malformed UTF-8 through (the overlong C0 AF as "/"), so the
     * JDK's decoder reads the bytes and refuses any that are not valid. A UTF-8 BOM is skipped.
     */
    static LedgerInput json(InputStream body, String contentType, JsonFactory factory) {
        Charset charset = CsvInput.charsetOf(contentType);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                    64 * 1024);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new Json(factory.createParser(reader), charset);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(new InputError(1, "body", encodingError(charset))));
        } catch (IOException e) {
            throw new InvalidInputException("body", "JSON 无法读取: " + e.getMessage());
        }
    }

    private static String encodingError(Charset charset) {
        return "字符编码错误: 内容不是 " + charset.name() + "（JSON 请用 UTF-8，或在 Content-Type 中声明 charset）";
    }

    final class Csv implements LedgerInput {
        private final CsvInput csv;

        Csv(CsvInput csv) {
            this.csv = csv;
        }

        @Override
        public Iterator<Row> iterator() {
            Iterator<CsvInput.Row> rows = csv.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    CsvInput.Row row = rows.next();
                    return new Row() {
                        @Override
                        public int line() {
                            return row.line();
                        }

                        @Override
                        public String get(String column) {
                            return row.get(column);
                        }

                        @Override
                        public List<InputError> readErrors() {
                            return List.of();
                        }
                    };
                }
            };
        }
    }

    final class Json implements LedgerInput {
        private final JsonParser parser;
        private final Charset charset;
        private boolean started;

        Json(JsonParser parser, Charset charset) {
            this.parser = parser;
            this.charset = charset;
        }

        @Override
        public Iterator<Row> iterator() {
            return new Iterator<>() {
                private Row next;
                private boolean done;
                private int index;
                private boolean inObject;

                @Override
                public boolean hasNext() {
                    if (next == null && !done) {
                        next = read();
                        done = next == null;
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row row = next;
                    next = null;
                    return row;
                }

                /** The object being read when the reading broke, or the next one. */
                private int where() {
                    return inObject ? index : index + 1;
                }

                private Row read() {
                    try {
                        if (!started) {
                            started = true;
                            JsonToken first = parser.nextToken();
                            if (first != JsonToken.START_ARRAY) {
                                throw new InvalidInputException("body", "JSON 应为对象数组: [{\"incident_no\": …}, …]");
                            }
                        }
                        JsonToken token = parser.nextToken();
                        if (token == JsonToken.END_ARRAY) {
                            if (parser.nextToken() != null) {
                                throw new InvalidInputException(List.of(new InputError(index + 1, "body",
                                        "JSON 数组结束后还有多余内容（只能是一个对象数组）")));
                            }
                            return null;
                        }
                        if (token == null) {
                            return null;
                        }
                        int line = ++index;
                        inObject = true;
                        if (token != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            inObject = false;
                            return new JsonRow(line, Map.of(), List.of(new InputError(line, "row", "第" + line
                                    + "条应为对象")));
                        }
                        Map<String, String> cells = new HashMap<>();
                        List<InputError> errors = new ArrayList<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName().strip().toLowerCase(Locale.ROOT);
                            JsonToken value = parser.nextToken();
                            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                                parser.skipChildren();
                                errors.add(new InputError(line, name, "应为文本、数字或 null"));
                            } else if (value != JsonToken.VALUE_NULL) {
                                String text = parser.getText().strip();
                                cells.put(name, text.isEmpty() ? null : text);
                            }
                        }
                        inObject = false;
                        return new JsonRow(line, cells, errors);
                    } catch (JsonProcessingException e) {
                        JsonLocation where = e.getLocation();
                        String at = where == null ? "" : "（第" + where.getLineNr() + "行第" + where.getColumnNr() + "列）";
                        throw new InvalidInputException(List.of(new InputError(where(), "body",
                                "JSON 格式错误" + at + ": " + e.getOriginalMessage())));
                    } catch (CharacterCodingException e) {
                        throw new InvalidInputException(List.of(new InputError(where(), "body",
                                encodingError(charset))));
                    } catch (IOException e) {
                        throw new InvalidInputException(List.of(new InputError(where(), "body",
                                "JSON 读取中断: " + e.getMessage())));
                    }
                }
            };
        }
    }

    record JsonRow(int line, Map<String, String> cells, List<InputError> readErrors) implements Row {
        @Override
        public String get(String column) {
            return cells.get(column);
        }
    }
}
