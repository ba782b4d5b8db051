package cn.jiandu.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.jiandu.scoring.ScoreEntry;

/**
 * What the dashboard (数据大屏) shows, now.
 *
 * @param counts the open problems (not closed) by level
 * @param trend the last 30 days, oldest first: problems found and closed per day
 * @param month the month of the ranking and the rectification rate, yyyy-MM
 * @param ranking the units' score ranking of this month
 * @param overdueTotal all open problems past their deadline; overdue lists the longest overdue
 * @param rectificationRate 整改率 of this month so far, in percent (0–100, two decimals at
 *            most): of the problems whose deadline fell between the 1st and now, those
 *            rectified on time; null when none fell due
 * @param intake 群众诉求与回访 of this month so far (the 1st to today), as GET /api/stats/intake counts it
 * @param intakeDefinition the short 口径说明 the screen prints under it
 */
public record DashboardView(String bureauName, OffsetDateTime generatedAt, Counts counts, List<TrendDay> trend,
        String month, List<ScoreEntry> ranking, long overdueTotal, List<Overdue> overdue, BigDecimal rectificationRate,
        Rectification rectification, IntakeFigures intake, String intakeDefinition) {

    public record Counts(long blue, long yellow, long red, long total) {
    }

    public record TrendDay(LocalDate date, long found, long closed) {
    }

    public record Overdue(long id, String title, String unitCode, String unitName, String level, String levelLabel,
            OffsetDateTime deadline, long overdueHours) {
    }

    /** The rate's parts and its definition, for the screen's caption. */
    public record Rectification(LocalDate from, LocalDate to, long due, long onTime, String rateText,
            String definition) {
    }
}
