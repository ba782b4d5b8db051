package cn.jiandu.privacy;

/**
 * How the public's personal data is shown to everyone (脱敏); null or blank gives "".
 * <ul>
 * <li>Name: the first character, then one {@code *} per further character: 张三 → 张*,
 * 欧阳娜娜 → 欧***; a single character → {@code *}.</li>
 * <li>Phone: a mobile keeps its first 3 and last 4 digits, 13812345678 → 138****5678; a
 * landline keeps its area code and the last 4 digits of the local number,
 * 0571-88776655 → 0571-****6655, 010-12345678 → 010-****5678. Anything else that is not
 * a phone number keeps only its last 4 characters when it has 8 or more, otherwise
 * nothing.</li>
 * <li>Id number: the first 4 (province and city) and the last 4 characters, the district,
 * the birth date and the rest of the sequence masked: 110101199003071234 →
 * 1101**********1234; anything shorter than 12 characters is masked entirely.</li>
 * </ul>
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int characters = trimmed.codePointCount(0, trimmed.length());
        if (characters == 1) {
            return "*";
        }
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(characters - 1);
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (ChinesePhone.isValid(phone)) {
            String canonical = ChinesePhone.canonical(phone);
            int hyphen = canonical.indexOf('-');
            if (hyphen < 0) {
                return canonical.substring(0, 3) + "****" + canonical.substring(7);
            }
            String local = canonical.substring(hyphen + 1);
            return canonical.substring(0, hyphen + 1) + "*".repeat(local.length() - 4)
                    + local.substring(local.length() - 4);
        }
        return keepLast(phone.strip(), 4, 8);
    }

    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        String id = idNumber.replaceAll("\\s", "");
        if (id.length() < 12) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** A mobile number, an 18-character id number or a landline inside free text (not part of a longer number). */
    private static final java.util.regex.Pattern IN_TEXT = java.util.regex.Pattern.compile(
            "(?<![0-9A-Za-z])(?:[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "|1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}|0\\d{2,3}-\\d{7,8})(?![0-9A-Za-z])");

    /**
     * Free text (a complaint's content) with every phone number and id number in it masked as
     * above: what the public writes may carry them, and the text travels on to problems,
     * documents and messages.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        java.util.regex.Matcher found = IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (found.find()) {
            String hit = found.group();
            String compact = hit.replaceAll("[ ]", "");
            String masked = compact.length() == 18 && !compact.contains("-") ? idNumber(compact) : phone(compact);
            found.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(masked));
        }
        found.appendTail(out);
        return out.toString();
    }

    /** The last {@code kept} characters of a value of at least {@code minimum}, the rest masked. */
    private static String keepLast(String value, int kept, int minimum) {
        int characters = value.codePointCount(0, value.length());
        if (characters < minimum) {
            return "*".repeat(characters);
        }
        int from = value.offsetByCodePoints(0, characters - kept);
        return "*".repeat(characters - kept) + value.substring(from);
    }
}
