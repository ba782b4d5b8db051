package cn.jiandu.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.report.*: when the supervision reports are made, where they go, and how long
 * their lists are.
 *
 * @param scheduleEnabled make each report by itself once its period is over
 * @param pollInterval how often a node looks whether a report is due
 * @param dailyAt the daily report of yesterday is made from this time of day
 * @param weeklyOn the weekly report of last week is made on this day …
 * @param weeklyAt … from this time
 * @param monthlyOn the monthly report of last month is made on this day of the month …
 * @param monthlyAt … from this time
 * @param robot the DingTalk group robot the summary goes to; empty: not pushed
 * @param issuer who issues the reports, printed under the title
 * @param listLimit how many problems the lists of a report print at most
 * @param dashboardOverdueLimit how many overdue problems the dashboard lists at most
 */
@Validated
@ConfigurationProperties("jiandu.report")
record ReportProperties(
        @DefaultValue("true") boolean scheduleEnabled,
        @DefaultValue("PT1M") @NotNull Duration pollInterval,
        @DefaultValue("08:00") @NotNull LocalTime dailyAt,
        @DefaultValue("MONDAY") @NotNull DayOfWeek weeklyOn,
        @DefaultValue("08:30") @NotNull LocalTime weeklyAt,
        @DefaultValue("1") @Min(1) @Max(28) int monthlyOn,
        @DefaultValue("09:00") @NotNull LocalTime monthlyAt,
        @DefaultValue("bureau") String robot,
        @DefaultValue("执法监督中心") String issuer,
        @DefaultValue("20") @Min(1) @Max(500) int listLimit,
        @DefaultValue("50") @Min(1) @Max(1000) int dashboardOverdueLimit) {
}
