package cn.jiandu.evidence;

import java.nio.charset.StandardCharsets;

/**
 * A sender's file name made safe to store and to send back: the last segment of a path
 * only, no control or bidirectional-formatting characters, at most 200 characters; and the
 * Content-Disposition a download carries (an ASCII fallback and the UTF-8 name, RFC 6266).
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    static String clean(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        String name = submitted;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (cut >= 0) {
            name = name.substring(cut + 1);
        }
        StringBuilder kept = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        name.codePoints().filter(FileNames::printable).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.length() > MAX_LENGTH) {
            int end = MAX_LENGTH;
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--;
            }
            name = name.substring(0, end).strip();
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? FALLBACK : name;
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE) {
            return false;
        }
        // bidirectional marks, embeddings, overrides and isolates: text that reads otherwise than it is
        return !(c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069));
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} for a cleaned name. */
    static String attachment(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Printable ASCII stays, anything else (and quote, backslash) becomes an underscore. */
    static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return sb.toString();
    }

    /** RFC 5987 value: attr-chars as they are, every other UTF-8 byte %XX. */
    static String percentEncoded(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
