package cn.jiandu.text;

import java.util.regex.Pattern;

/**
 * What text a person may type into a name, a title or a comment: printable characters only.
 * Refused are control characters (C0, DEL and C1; a multi-line text keeps tab and line
 * breaks), lone UTF-16 surrogates (broken Unicode, which MySQL would store as '?') and the
 * bidirectional overrides and isolates that make text read differently from what it is
 * (U+202A–U+202E, U+2066–U+2069). The patterns serve Bean Validation's {@code @Pattern}
 * as well as code.
 */
public final class PlainText {

    /** One line: a name, a title. */
    public static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]*";

    /** Several lines: a description, a comment; tab, CR and LF allowed. */
    public static final String MULTI_LINE =
            "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]*";

    private static final Pattern SINGLE = Pattern.compile(SINGLE_LINE);
    private static final Pattern MULTI = Pattern.compile(MULTI_LINE);

    private PlainText() {
    }

    /** Null counts as plain: whether a value is required is another rule. */
    public static boolean isSingleLine(String text) {
        return text == null || SINGLE.matcher(text).matches();
    }

    public static boolean isMultiLine(String text) {
        return text == null || MULTI.matcher(text).matches();
    }

    /**
     * A name someone sent, as a log line or an error message may show it: control characters
     * replaced, at most 60 characters (the value itself is never shown).
     */
    public static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
