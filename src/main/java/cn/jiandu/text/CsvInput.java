package cn.jiandu.text;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * A CSV upload read as a stream: header row, columns in any order (case and blanks of
 * the header ignored), UTF-8 with or without BOM, or the charset the Content-Type names
 * (GBK from Excel on Chinese Windows). Rows carry the line they start on; the header is
 * line 1. Empty cells are null. {@link #openDetecting} reads a bounded upload whole and
 * tells UTF-8 from GBK itself when the Content-Type names no charset.
 */
public final class CsvInput implements Iterable<CsvInput.Row> {

    private final CSVParser parser;
    private final Map<String, Integer> columns = new TreeMap<>();
    private final List<InputError> encodingErrors = new ArrayList<>();

    private CsvInput(CSVParser parser) {
        this.parser = parser;
        parser.getHeaderMap().forEach((name, index) -> columns.put(normalise(name), index));
    }

    /** Opens the upload; {@code contentType} is the raw header (may be null). */
    public static CsvInput open(InputStream body, String contentType) {
        return open(body, charsetOf(contentType));
    }

    /**
     * Opens an upload of at most {@code maxBytes}, read whole, in the charset {@link #detect}
     * finds; larger is refused (400 naming the body).
     */
    public static CsvInput openDetecting(InputStream body, String contentType, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("body", "文件过大：最大" + megabytes(maxBytes) + "，请分批导入");
        }
        return open(new ByteArrayInputStream(bytes), detect(bytes, contentType));
    }

    /**
     * The charset of an upload: UTF-8 when it starts with the UTF-8 BOM; else the charset the
     * Content-Type names; else UTF-8 when every byte is valid UTF-8, GBK when every byte is
     * valid GBK (Excel's CSV on Chinese Windows), UTF-8 otherwise (its bad bytes are then
     * reported per line as {@link #encodingErrors}).
     */
    public static Charset detect(byte[] bytes, String contentType) {
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        if (namesCharset(contentType)) {
            return charsetOf(contentType);
        }
        if (decodes(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset gbk = Charset.forName("GBK");
        return decodes(bytes, gbk) ? gbk : StandardCharsets.UTF_8;
    }

    private static CsvInput open(InputStream body, Charset charset) {
        try {
            InputStream in = skipUtf8Bom(new BufferedInputStream(body, 64 * 1024), charset);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .get();
            // malformed bytes become U+FFFD here and are reported per row and column below,
            // so that a GBK file sent as UTF-8 is refused naming the line where it shows
            InputStreamReader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new CsvInput(CSVParser.parse(reader, format));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new InputError(1, "header", "CSV 表头无法读取: " + e.getMessage())));
        }
    }

    public void requireColumns(List<String> required) {
        List<InputError> errors = new ArrayList<>();
        for (String column : required) {
            if (!columns.containsKey(column)) {
                errors.add(new InputError(1, column, "缺少列: " + column));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** The header's names in the file's order, stripped but as typed (duplicates and blanks kept). */
    public List<String> header() {
        return parser.getHeaderNames().stream().map(name -> name == null ? "" : name.strip()).toList();
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private long consumedLines = parser.getCurrentLineNumber();

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidInputException(List.of(new InputError((int) consumedLines + 1, "row",
                            "CSV 格式错误（引号未闭合或编码不符）")));
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int line = (int) consumedLines + 1;
                CSVRecord record = records.next();
                consumedLines = parser.getCurrentLineNumber();
                checkEncoding(line, record);
                return new Row(line, record);
            }
        };
    }

    /**
     * Cells whose bytes were not valid in the declared charset, one error per row; the
     * caller adds them to its own so that the import fails as a whole.
     */
    public List<InputError> encodingErrors() {
        return List.copyOf(encodingErrors);
    }

    private void checkEncoding(int line, CSVRecord record) {
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            int index = column.getValue();
            if (index < record.size() && record.get(index).indexOf('\uFFFD') >= 0) {
                encodingErrors.add(new InputError(line, column.getKey(),
                        "字符编码错误: 内容不是 UTF-8（Excel 导出的 GBK 文件请声明 Content-Type: text/csv;charset=GBK）"));
                return;
            }
        }
    }

    /** One data row and the line of the file it starts on. */
    public final class Row {
        private final int line;
        private final CSVRecord record;

        Row(int line, CSVRecord record) {
            this.line = line;
            this.record = record;
        }

        public int line() {
            return line;
        }

        /** The cell of a column, null when the column is absent or the cell empty. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isEmpty() ? null : value;
        }

        public <E extends Enum<E>> E getEnum(String column, Class<E> type, List<InputError> errors) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name());
                }
                errors.add(new InputError(line, column, "取值无效: " + value + "，可选值: " + String.join(", ", names)));
                return null;
            }
        }

        public Boolean getBoolean(String column, List<InputError> errors) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "y", "是" -> {
                    return true;
                }
                case "false", "0", "no", "n", "否" -> {
                    return false;
                }
                default -> {
                    errors.add(new InputError(line, column, "取值无效: " + value + "，应为 true 或 false"));
                    return null;
                }
            }
        }
    }

    /**
     * The charset a Content-Type names, UTF-8 when it names none; refused (400) when the
     * JVM does not know it. Shared by the uploads that are read as text (CSV, JSON ledgers).
     */
    public static Charset charsetOf(String contentType) {
        String charset = charsetName(contentType);
        if (charset == null || charset.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "不支持的字符集: " + charset + "（可用 UTF-8 或 GBK）");
        }
    }

    private static boolean namesCharset(String contentType) {
        String charset = charsetName(contentType);
        return charset != null && !charset.isEmpty();
    }

    private static String charsetName(String contentType) {
        if (contentType == null) {
            return null;
        }
        String charset = null;
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                charset = pair[1].strip().replace("\"", "");
            }
        }
        return charset;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String megabytes(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static InputStream skipUtf8Bom(BufferedInputStream in, Charset charset) throws IOException {
        if (!StandardCharsets.UTF_8.equals(charset)) {
            return in;
        }
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }
}
