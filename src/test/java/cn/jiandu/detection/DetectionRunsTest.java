package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jiandu.problem.Level;

/** The pure parts of a run: the slot of a schedule and what an incremental query reads. */
class DetectionRunsTest {

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

    @Test
    void shouldWidenTheWindowOfWorkingDaysByTheLongestHolidays() {
        DetectionProperties.RuleSettings settings = DetectionProperties.RuleSettings.of(Rule.FILING_WITHOUT_NOTICE, null);
        Instant since = at("2026-03-10T08:00:00+08:00");
        Instant now = at("2026-03-10T16:00:00+08:00");
        RuleQuery query = DetectionRuns.query(Rule.FILING_WITHOUT_NOTICE, settings,
                new Thresholds(settings.unit(), settings.levels(), null),
                new DetectionRuns.Context(now, true, since, 0, Map.of(), "h"));
        assertThat(query.windows().get(0).from()).isEqualTo(at("2026-01-31T08:00:00+08:00"));
        assertThat(query.windows().get(0).to()).isEqualTo(at("2026-03-07T16:00:00+08:00"));
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
