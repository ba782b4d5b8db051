package cn.jiandu.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the reports' "ranking by rates" (执法检测指标排名) comes from: the detection
 * statistics (package detection, GET /api/stats/units) provide a bean of this type; until
 * one exists the section says that the statistics are not connected. When several beans
 * exist the first in @Order wins.
 */
@FunctionalInterface
public interface UnitRatesProvider {

    /** Every unit's rates over the days from {@code from} to {@code to}, both included, best first. */
    List<UnitRates> unitRates(LocalDate from, LocalDate to);
}
