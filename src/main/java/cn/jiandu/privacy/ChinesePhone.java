package cn.jiandu.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chinese phone number as a complainant gives it: a mobile ({@code 1[3-9]} and 9 more digits,
 * an optional {@code +86}/{@code 0086} in front) or a landline with its area code ({@code 010}
 * and {@code 02x} are followed by 8 digits, the other codes {@code 0xxx} by 7 or 8; the local
 * number does not start with 0 or 1). Spaces, hyphens and brackets around the area code are
 * allowed: {@code 138 1234 5678}, {@code (0571) 8877 6655}.
 * <p>
 * The canonical form, which is what is encrypted and blind-indexed, is the mobile's 11 digits
 * ({@code 13812345678}) or the area code, a hyphen and the local number
 * ({@code 0571-88776655}). Reasons are in Chinese for a 400 answer and never repeat the number.
 */
public final class ChinesePhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("^(\\+86|0086)(?=1\\d{10}$)");
    /** 010 and 020–029 (8-digit local numbers), or 0 and three digits (7 or 8). */
    private static final Pattern LANDLINE = Pattern.compile("(0[12]\\d)([2-9]\\d{7})|(0[3-9]\\d{2})([2-9]\\d{6,7})");

    static final String FORMAT = "手机号应为 1 开头的 11 位数字，固定电话应带区号（如 0571-88776655）";

    private ChinesePhone() {
    }

    public static boolean isValid(String phone) {
        return refusal(phone).isEmpty();
    }

    /** Why the number is refused, in Chinese; empty when it is a valid number. */
    public static Optional<String> refusal(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.of("电话号码为空");
        }
        String digits = digits(phone);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("电话号码只能包含数字（可带区号的连字符）：" + FORMAT);
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return Optional.empty();
        }
        if (digits.startsWith("1")) {
            return Optional.of("不是有效的手机号：" + FORMAT);
        }
        if (digits.startsWith("0")) {
            return Optional.of("不是有效的固定电话号码：" + FORMAT);
        }
        return Optional.of("不是有效的电话号码：" + FORMAT);
    }

    /**
     * The canonical form (see the class comment).
     *
     * @throws IllegalArgumentException with the Chinese reason when the number is not valid
     */
    public static String canonical(String phone) {
        refusal(phone).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String digits = digits(phone);
        if (MOBILE.matcher(digits).matches()) {
            return digits;
        }
        var landline = LANDLINE.matcher(digits);
        landline.matches();
        return landline.group(1) != null ? landline.group(1) + "-" + landline.group(2)
                : landline.group(3) + "-" + landline.group(4);
    }

    /** Without separators and the country prefix of a mobile. */
    private static String digits(String phone) {
        String stripped = SEPARATORS.matcher(phone.strip()).replaceAll("");
        return COUNTRY_PREFIX.matcher(stripped).replaceFirst("");
    }
}
