package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.ItSupport;
import cn.jiandu.ReportIT;

/**
 * The schedule makes each report once its time has come, by the app's clock, once only
 * however often it looks. A made-up month long ago, unused by earlier runs, so that a
 * database outliving the run holds none of its reports (the integration tests switch
 * the schedule off and call its check here themselves).
 */
class ReportScheduleIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    ReportScheduler scheduler;
    @Autowired
    ReportMapper mapper;

    @AfterEach
    void backToNowWithTheReportsSent() {
        ReportIT.sendEverythingQueued(dispatcher, clock);
    }

    @Test
    void shouldMakeYesterdaysLastWeeksAndLastMonthsReportOnceTheirTimeHasCome() {
        YearMonth month = unusedMonth();
        LocalDate monday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusWeeks(1);

        // Monday 07:59: last month's report is due (the 1st, 09:00, has passed), not yet yesterday's or last week's
        at(monday, 7, 59);
        assertThat(types(scheduler.runDue())).containsExactly(ReportType.MONTHLY);
        ReportMapper.StoredReport monthly = mapper.findByPeriod(ReportType.MONTHLY, month.minusMonths(1).atDay(1));
        assertThat(monthly.periodEnd()).isEqualTo(month.minusMonths(1).atEndOfMonth());
        assertThat(monthly.createdBy()).isEqualTo("system");

        // 08:00 the daily of Sunday, 08:30 the weekly of last week
        at(monday, 8, 0);
        assertThat(types(scheduler.runDue())).containsExactly(ReportType.DAILY);
        assertThat(mapper.findByPeriod(ReportType.DAILY, monday.minusDays(1))).isNotNull();
        at(monday, 8, 31);
        assertThat(types(scheduler.runDue())).containsExactly(ReportType.WEEKLY);
        ReportMapper.StoredReport weekly = mapper.findByPeriod(ReportType.WEEKLY, monday.minusWeeks(1));
        assertThat(weekly.periodEnd()).isEqualTo(monday.minusDays(1));
        assertThat(weekly.html()).contains("执法监督周报");

        // looking again, on this node or another, makes nothing more
        assertThat(scheduler.runDue()).isEmpty();
        assertThat(scheduler.runDue()).isEmpty();

        // a node that was down on Tuesday morning catches up on Wednesday: Tuesday's daily only
        at(monday.plusDays(2), 11, 0);
        assertThat(scheduler.runDue()).extracting(ReportSummary::periodStart).containsExactly(monday.plusDays(1));
        assertThat(mapper.findByPeriod(ReportType.DAILY, monday)).isNull();
    }

    private void at(LocalDate day, int hour, int minute) {
        clock.setNow(day.atTime(hour, minute).atZone(CHINA).toInstant());
    }

    private static List<ReportType> types(List<ReportSummary> made) {
        return made.stream().map(ReportSummary::type).toList();
    }

    private YearMonth unusedMonth() {
        while (true) {
            YearMonth candidate = YearMonth.of(ThreadLocalRandom.current().nextInt(1971, 1986),
                    ThreadLocalRandom.current().nextInt(1, 13));
            if (mapper.findByPeriod(ReportType.MONTHLY, candidate.minusMonths(1).atDay(1)) == null
                    && mapper.findByPeriod(ReportType.MONTHLY, candidate.atDay(1)) == null) {
                return candidate;
            }
        }
    }
}
