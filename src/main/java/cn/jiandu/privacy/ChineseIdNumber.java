package cn.jiandu.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import cn.jiandu.time.Times;

/**
 * The 18-character citizen identity number (公民身份号码, GB 11643-1999): a province code
 * (the first two digits, 11–82 and 83 for residence permits of Taiwan residents), the 8-digit
 * birth date (a real date, 1900 or later, not in the future), a 3-digit sequence and the
 * ISO 7064 MOD 11-2 check character (0–9 or X, a lower-case x is read as X). The 15-digit
 * numbers of before 1999 are refused with their own reason: they carry no check character.
 * Reasons are in Chinese for a 400 answer and never repeat the number.
 */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ChineseIdNumber() {
    }

    /** Valid as of today in China time. */
    public static boolean isValid(String idNumber) {
        return refusal(idNumber).isEmpty();
    }

    /** Why the number is refused as of today in China time, in Chinese; empty when it is valid. */
    public static Optional<String> refusal(String idNumber) {
        return refusal(idNumber, LocalDate.now(Times.CHINA));
    }

    /** Why the number is refused, a birth date after {@code today} included; empty when valid. */
    public static Optional<String> refusal(String idNumber, LocalDate today) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.of("身份证号为空");
        }
        String id = canonicalForm(idNumber);
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            return Optional.of("不受理 15 位的旧身份证号，请提供 18 位公民身份号码");
        }
        if (id.length() != 18) {
            return Optional.of("身份证号应为 18 位（现为 " + id.length() + " 位）");
        }
        if (!id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')) {
            return Optional.of("身份证号的前 17 位应为数字，最后一位为数字或 X");
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return Optional.of("身份证号的前两位不是有效的省级行政区划代码");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号中的出生日期（第 7–14 位）不是真实的日期");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("身份证号中的出生日期（第 7–14 位）不在合理范围内");
        }
        if (checkCharacter(id) != id.charAt(17)) {
            return Optional.of("身份证号的校验位（第 18 位）不正确");
        }
        return Optional.empty();
    }

    /**
     * The canonical form: trimmed, spaces removed, a final x upper-case.
     *
     * @throws IllegalArgumentException with the Chinese reason when the number is not valid
     */
    public static String canonical(String idNumber) {
        refusal(idNumber).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return canonicalForm(idNumber);
    }

    /** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String canonicalForm(String idNumber) {
        return idNumber.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }
}
