package cn.jiandu.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's enforcement rates over a period, from the detection statistics (执法检测统计:
 * 分流率, 行政受案率, 刑事立案率, 回执开具率, 立案告知书开具率 …), with its rank among the
 * units and a colour per rate (分色预警).
 *
 * @param rank the unit's place in the detection ranking (1 = best); null when not ranked
 * @param rates in the order the report prints them; every unit should list the same keys
 */
public record UnitRates(String unitCode, String unitName, Integer rank, List<Rate> rates) {

    /**
     * @param key stable name, e.g. diversionRate
     * @param label what the report prints as the column head, e.g. 分流率
     * @param percent 0–100; null when the unit had nothing to count
     * @param colour the warning colour of the value: GREEN, BLUE, YELLOW or RED (null: none)
     */
    public record Rate(String key, String label, BigDecimal percent, String colour) {
    }
}
