package cn.jiandu.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Numbers as Chinese official texts write them: 98.37%, 2天3小时 (dates: text.ChineseDates). */
final class ChineseText {

    private ChineseText() {
    }

    /** part/whole as a percentage with at most two decimals (98.37%, 50%); null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        BigDecimal rate = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        // 100, not 1E+2
        return rate.scale() < 0 ? rate.setScale(0) : rate;
    }

    /** 98.37%; — when there is no rate. */
    static String percentText(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString() + "%";
    }

    /** 2天3小时, 5小时, 不足1小时. */
    static String duration(Duration d) {
        long hours = d.toHours();
        if (hours <= 0) {
            return "不足1小时";
        }
        long days = hours / 24;
        long rest = hours % 24;
        return (days > 0 ? days + "天" : "") + (rest > 0 || days == 0 ? rest + "小时" : "");
    }
}
