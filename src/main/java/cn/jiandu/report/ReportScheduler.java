package cn.jiandu.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.jiandu.time.Times;

/**
 * Makes each report once its period is over and its time has come (jiandu.report.daily-at,
 * weekly-on/-at, monthly-on/-at), by the app's clock. Every node looks every poll
 * interval; the report of a type and period is stored once (unique key), so several
 * nodes, a restart or a late start make it once, and a node that was down at the time
 * makes it when it comes back. Only the last period is made, never a backlog.
 */
@Component
class ReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);
    static final String SYSTEM = "system";

    private final ReportService reports;
    private final ReportProperties properties;
    private final Clock clock;

    ReportScheduler(ReportService reports, ReportProperties properties, Clock clock) {
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jiandu.report.poll-interval:PT1M}", initialDelayString = "PT20S")
    void poll() {
        if (!properties.scheduleEnabled()) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Making the scheduled reports failed; will try again: {}", e.toString());
        }
    }

    /** Makes the reports whose time has come and that do not exist yet; returns those made now. */
    List<ReportSummary> runDue() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Times.CHINA));
        List<ReportSummary> made = new ArrayList<>();
        for (ReportType type : ReportType.values()) {
            LocalDate today = now.toLocalDate();
            if (!now.isBefore(dueIn(type, today))) {
                Period period = type.lastCompleteBefore(today);
                ReportService.Made result = reports.make(type, period.start(), SYSTEM);
                if (result.created()) {
                    made.add(result.report());
                }
            }
        }
        return made;
    }

    /**
     * When the report of the last complete period is due in the current period: today at
     * daily-at; this week's weekly-on at weekly-at; this month's monthly-on at monthly-at.
     */
    LocalDateTime dueIn(ReportType type, LocalDate today) {
        LocalDate first = type.periodOf(today).start();
        return switch (type) {
            case DAILY -> today.atTime(properties.dailyAt());
            case WEEKLY -> first.plusDays(properties.weeklyOn().getValue() - 1L).atTime(properties.weeklyAt());
            case MONTHLY -> first.withDayOfMonth(properties.monthlyOn()).atTime(properties.monthlyAt());
        };
    }
}
