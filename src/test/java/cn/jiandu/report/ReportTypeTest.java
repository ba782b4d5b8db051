package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportTypeTest {

    @Test
    void shouldTakeTheDayTheMondayToSundayWeekAndTheCalendarMonthContainingADate() {
        LocalDate friday = LocalDate.of(2026, 3, 20);
        assertThat(ReportType.DAILY.periodOf(friday)).isEqualTo(new Period(ReportType.DAILY, friday, friday));
        assertThat(ReportType.WEEKLY.periodOf(friday))
                .isEqualTo(new Period(ReportType.WEEKLY, LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 22)));
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 3, 22)).start()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 3, 16)).end()).isEqualTo(LocalDate.of(2026, 3, 22));
        assertThat(ReportType.MONTHLY.periodOf(LocalDate.of(2028, 2, 10)))
                .isEqualTo(new Period(ReportType.MONTHLY, LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
    }

    @Test
    void shouldNameTheLastCompletePeriodBeforeADay() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(ReportType.DAILY.lastCompleteBefore(monday).start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ReportType.WEEKLY.lastCompleteBefore(monday).start()).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(ReportType.WEEKLY.lastCompleteBefore(LocalDate.of(2026, 3, 8)).start())
                .isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(ReportType.MONTHLY.lastCompleteBefore(LocalDate.of(2026, 1, 1)))
                .isEqualTo(new Period(ReportType.MONTHLY, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void shouldRunFromMidnightToMidnightChinaTimeAndReadInChinese() {
        Period week = ReportType.WEEKLY.periodOf(LocalDate.of(2026, 12, 30));
        assertThat(week.startInstant()).isEqualTo(Instant.parse("2026-12-27T16:00:00Z"));
        assertThat(week.endInstant()).isEqualTo(Instant.parse("2027-01-03T16:00:00Z"));
        assertThat(week.text()).isEqualTo("2026年12月28日至2027年1月3日");
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 3, 10)).text()).isEqualTo("2026年3月9日至3月15日");
        assertThat(ReportType.DAILY.periodOf(LocalDate.of(2026, 3, 10)).text()).isEqualTo("2026年3月10日");
        assertThat(ReportType.MONTHLY.periodOf(LocalDate.of(2026, 3, 10)).text()).isEqualTo("2026年3月");
    }

    @Test
    void shouldParseTheTypeInAnyCaseAndNothingElse() {
        assertThat(ReportType.parse(" monthly ")).contains(ReportType.MONTHLY);
        assertThat(ReportType.parse("YEARLY")).isEmpty();
        assertThat(ReportType.parse(null)).isEmpty();
    }

    @Test
    void shouldWriteRatesAndDurationsTheChineseWay() {
        assertThat(ChineseText.percentText(ChineseText.percent(2, 4))).isEqualTo("50%");
        assertThat(ChineseText.percentText(ChineseText.percent(5814 - 95, 5814))).isEqualTo("98.37%");
        assertThat(ChineseText.percentText(ChineseText.percent(1, 3))).isEqualTo("33.33%");
        assertThat(ChineseText.percentText(ChineseText.percent(0, 0))).isEqualTo("—");
        assertThat(ChineseText.percent(7, 7).toString()).isEqualTo("100");
        assertThat(ChineseText.duration(java.time.Duration.ofHours(51))).isEqualTo("2天3小时");
        assertThat(ChineseText.duration(java.time.Duration.ofHours(48))).isEqualTo("2天");
        assertThat(ChineseText.duration(java.time.Duration.ofMinutes(20))).isEqualTo("不足1小时");
    }

    @Test
    void shouldNumberAnIssueByItsPeriodsPlaceInTheYear() {
        assertThat(ReportType.DAILY.periodOf(LocalDate.of(2026, 1, 1)).issueNo()).isEqualTo(1);
        assertThat(ReportType.DAILY.periodOf(LocalDate.of(2026, 3, 10)).issueNo()).isEqualTo(69);
        // 2026-01-05 is the first Monday of 2026; the week from 2025-12-29 is 2025's last
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 1, 7)).issueNo()).isEqualTo(1);
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 1, 12)).issueNo()).isEqualTo(2);
        assertThat(ReportType.WEEKLY.periodOf(LocalDate.of(2026, 1, 2)).issueNo()).isEqualTo(52);
        assertThat(ReportType.MONTHLY.periodOf(LocalDate.of(2026, 11, 30)).issueNo()).isEqualTo(11);
    }
}
