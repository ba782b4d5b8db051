package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiandu.level.Level;

/** The pure parts of a run: the slot of a schedule and what an incremental query reads. */
class DetectionRunsTest {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    @Test
    void shouldNameTheSlotAScheduleFiresInEvenWhenTheNodesClocksDiffer() {
        String cron = "0 0 8,16 * * *";
        assertThat(DetectionRuns.slotOf(cron, ZonedDateTime.parse("2026-03-10T08:00:00.004+08:00[Asia/Shanghai]")))
                .isEqualTo("2026-03-10T08:00");
        assertThat(DetectionRuns.slotOf(cron, ZonedDateTime.parse("2026-03-10T07:59:58+08:00[Asia/Shanghai]")))
                .isEqualTo("2026-03-10T08:00");
        assertThat(DetectionRuns.slotOf(cron, ZonedDateTime.parse("2026-03-10T16:00:03+08:00[Asia/Shanghai]")))
                .isEqualTo("2026-03-10T16:00");
    }

    @Test
    void shouldReadEverythingOnAFullRun() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.CRIMINAL_INCIDENT_NOT_FILED, null);
        Instant now = at("2026-03-10T08:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.CRIMINAL_INCIDENT_NOT_FILED, settings,
                new Thresholds(settings.unit(), settings.levels(), null),
                new DetectionRuns.Context(now, false, null, 0, Map.of(), "h"));
        assertThat(query.incremental()).isFalse();
        assertThat(query.cutoff()).isEqualTo(at("2026-03-07T08:00:00+08:00"));
        assertThat(query.seconds()).isEqualTo(3 * 86_400);
        assertThat(query.windows()).isEmpty();
    }

    @Test
    void shouldReadTheRecordsWhoseDeadlinePassedSinceTheLastRun() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.ADMIN_INCIDENT_NOT_ACCEPTED, null);
        Instant since = at("2026-03-10T08:00:00+08:00");
        Instant now = at("2026-03-10T16:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.ADMIN_INCIDENT_NOT_ACCEPTED, settings,
                new Thresholds(settings.unit(), settings.levels(), null),
                new DetectionRuns.Context(now, true, since, 41, Map.of(), "h"));
        assertThat(query.incremental()).isTrue();
        assertThat(query.importMark()).isEqualTo(41);
        assertThat(query.windows()).containsExactly(new RuleQuery.Window(at("2026-03-07T08:00:00+08:00"),
                at("2026-03-07T16:00:00+08:00")));
    }

    /** Monday to Friday but for the given holidays: the end of the n-th working day after the start's date. */
    private static Thresholds.WorkingDays weekdaysBut(LocalDate... holidays) {
        Set<LocalDate> off = Set.of(holidays);
        return (from, days) -> {
            LocalDate day = from.atZone(CHINA).toLocalDate();
            for (int n = 0; n < days; ) {
                day = day.plusDays(1);
                if (day.getDayOfWeek().getValue() <= 5 && !off.contains(day)) {
                    n++;
                }
            }
            return day.atTime(23, 59, 59).atZone(CHINA).toInstant();
        };
    }

    @Test
    void shouldStartTheWindowOfWorkingDaysAtTheFirstDayNotYetDueAtTheLastRun() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.FILING_WITHOUT_NOTICE, null);
        Instant since = at("2026-03-10T08:00:00+08:00");
        Instant now = at("2026-03-10T16:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.FILING_WITHOUT_NOTICE, settings,
                new Thresholds(settings.unit(), settings.levels(), weekdaysBut()),
                new DetectionRuns.Context(now, true, since, 0, Map.of(), "h"));
        // filed Wednesday 4 March: due by the end of Monday 9 March, late already at the last
        // run; filed Thursday 5 March: due by the end of Tuesday 10 March, still in time then
        assertThat(query.windows()).containsExactly(new RuleQuery.Window(at("2026-03-05T00:00:00+08:00"),
                at("2026-03-07T16:00:00+08:00")));
    }

    @Test
    void shouldReachBackOverHolidaysForTheWindowOfWorkingDays() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.FILING_WITHOUT_NOTICE, null);
        // National Day: 1 to 7 October off; a filing on 29 September is due by the end of 9 October
        Thresholds thresholds = new Thresholds(settings.unit(), settings.levels(), weekdaysBut(
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)));
        Instant since = at("2026-10-09T08:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.FILING_WITHOUT_NOTICE, settings, thresholds,
                new DetectionRuns.Context(at("2026-10-09T16:00:00+08:00"), true, since, 0, Map.of(), "h"));
        assertThat(query.windows().get(0).from()).isEqualTo(at("2026-09-29T00:00:00+08:00"));
        assertThat(thresholds.deadline(at("2026-09-28T10:00:00+08:00"), 3)).isBefore(since);
    }

    @Test
    void shouldNotReachBackFurtherThanTheLongestHolidaysCanStretchAPeriod() {
        // a calendar that never ends a period: the window stops at 2n + 32 days before the last run
        Thresholds never = new Thresholds(ThresholdUnit.WORKING_DAYS, Map.of(Level.BLUE, 3),
                (from, days) -> Instant.MAX);
        assertThat(DetectionRuns.firstStartDueBy(never, 3, at("2026-03-10T08:00:00+08:00")))
                .isEqualTo(at("2026-01-31T00:00:00+08:00"));
    }

    @Test
    void shouldLookAheadForExpiringMeasures() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.MEASURE_EXPIRING, null);
        Instant since = at("2026-03-10T08:00:00+08:00");
        Instant now = at("2026-03-10T16:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.MEASURE_EXPIRING, settings,
                new Thresholds(settings.unit(), Map.of(Level.BLUE, 7), null),
                new DetectionRuns.Context(now, true, since, 0, Map.of(), "h"));
        assertThat(query.cutoff()).isEqualTo(at("2026-03-17T16:00:00+08:00"));
        assertThat(query.windows()).containsExactly(new RuleQuery.Window(at("2026-03-17T08:00:00+08:00"),
                at("2026-03-17T16:00:00+08:00")));
    }
}
