package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import cn.jiandu.level.Level;

/** jiandu.detection.* as Spring binds it: configured rules replace the defaults, the others keep them. */
class DetectionPropertiesTest {

    private static DetectionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("jiandu.detection", DetectionProperties.class);
    }

    @Test
    void shouldKeepEveryRulesDefaultsWhenNothingIsConfigured() {
        DetectionProperties properties = bind(Map.of());
        assertThat(properties.schedule()).isEqualTo("0 0 8,16 * * *");
        assertThat(properties.lockLease()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.rule(Rule.CRIMINAL_INCIDENT_NOT_FILED).levels())
                .containsEntry(Level.BLUE, 3).containsEntry(Level.YELLOW, 7).containsEntry(Level.RED, 30);
        assertThat(properties.rule(Rule.FILING_WITHOUT_NOTICE).unit()).isEqualTo(ThresholdUnit.WORKING_DAYS);
        assertThat(properties.rule(Rule.MEASURE_OVERDUE).first()).isZero();
        assertThat(properties.rates().green()).isEqualTo(0.95);
        for (Rule rule : Rule.values()) {
            assertThat(properties.rule(rule).on()).isTrue();
        }
    }

    @Test
    void shouldBindRulesByTheirCodes() {
        DetectionProperties properties = bind(Map.of(
                "jiandu.detection.rules.[ACCEPTANCE_WITHOUT_RECEIPT].unit", "WORKING_DAYS",
                "jiandu.detection.rules.[ACCEPTANCE_WITHOUT_RECEIPT].levels.BLUE", "2",
                "jiandu.detection.rules.[INCIDENT_NOT_DIVERTED].enabled", "false",
                "jiandu.detection.rates.green", "0.9"));
        assertThat(properties.rule(Rule.ACCEPTANCE_WITHOUT_RECEIPT).unit()).isEqualTo(ThresholdUnit.WORKING_DAYS);
        assertThat(properties.rule(Rule.ACCEPTANCE_WITHOUT_RECEIPT).levels()).containsExactlyEntriesOf(Map.of(Level.BLUE, 2));
        assertThat(properties.rule(Rule.INCIDENT_NOT_DIVERTED).on()).isFalse();
        assertThat(properties.rule(Rule.INCIDENT_NOT_DIVERTED).levels()).containsEntry(Level.BLUE, 24);
        assertThat(properties.rates().green()).isEqualTo(0.9);
        assertThat(properties.rates().yellow()).isEqualTo(0.85);
    }

    @Test
    void shouldRefuseLevelsThatDoNotGrowWorse() {
        assertThatThrownBy(() -> bind(Map.of(
                "jiandu.detection.rules.[CRIMINAL_INCIDENT_NOT_FILED].levels.BLUE", "7",
                "jiandu.detection.rules.[CRIMINAL_INCIDENT_NOT_FILED].levels.YELLOW", "3")))
                .hasStackTraceContaining("a worse level needs a longer delay");
    }
}
