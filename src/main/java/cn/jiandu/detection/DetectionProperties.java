package cn.jiandu.detection;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import cn.jiandu.level.Level;

/** jiandu.detection.*: ledger imports, the rules' thresholds, their schedule, the unit rates' colours. */
@Validated
@ConfigurationProperties("jiandu.detection")
record DetectionProperties(
        @DefaultValue("0 0 8,16 * * *") @NotBlank String schedule,
        @DefaultValue("PT30M") @NotNull Duration lockLease,
        @DefaultValue("PT30M") @NotNull Duration lockWait,
        @DefaultValue("1000") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("10000") @Min(1) int progressEvery,
        @DefaultValue("1000") @Min(1) int maxErrors,
        @DefaultValue("PT1H") @NotNull Duration abandonedImportAfter,
        @DefaultValue("4") @Min(1) @Max(32) int openThreads,
        Map<Rule, RuleSettings> rules,
        @DefaultValue RateColours rates) {

    DetectionProperties {
        Map<Rule, RuleSettings> merged = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            RuleSettings given = rules == null ? null : rules.get(rule);
            merged.put(rule, RuleSettings.of(rule, given));
        }
        rules = Map.copyOf(merged);
    }

    RuleSettings rule(Rule rule) {
        return rules.get(rule);
    }

    /**
     * One rule's settings: off or on, the unit of its thresholds and the threshold of each
     * level it gives (a lead before the end for MEASURE_EXPIRING).
     */
    record RuleSettings(Boolean enabled, ThresholdUnit unit, Map<Level, Integer> levels) {

        static RuleSettings of(Rule rule, RuleSettings given) {
            boolean enabled = given == null || given.enabled() == null || given.enabled();
            ThresholdUnit unit = given == null || given.unit() == null ? rule.defaultUnit() : given.unit();
            Map<Level, Integer> levels = given == null || given.levels() == null || given.levels().isEmpty()
                    ? rule.defaultLevels() : given.levels();
            Integer previous = null;
            for (Level level : Level.values()) {
                Integer amount = levels.get(level);
                if (amount == null) {
                    continue;
                }
                if (amount < 0) {
                    throw new IllegalArgumentException("jiandu.detection.rules." + rule + ".levels." + level
                            + " must not be negative, was " + amount);
                }
                if (previous != null && (rule.isLead() ? amount >= previous : amount <= previous)) {
                    throw new IllegalArgumentException("jiandu.detection.rules." + rule + ".levels: a worse level needs "
                            + (rule.isLead() ? "a shorter lead" : "a longer delay") + ", was " + new TreeMap<>(levels));
                }
                previous = amount;
            }
            return new RuleSettings(enabled, unit, Map.copyOf(levels));
        }

        boolean on() {
            return enabled == null || enabled;
        }

        /** The threshold of the least level: where a record first becomes a finding. */
        int first() {
            for (Level level : Level.values()) {
                if (levels.containsKey(level)) {
                    return levels.get(level);
                }
            }
            throw new IllegalStateException("no level");
        }

        /** The largest threshold of the rule. */
        int largest() {
            return levels.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /** A rate at or above green is green, at or above yellow yellow, below it red (e.g. 95 %, 85 %). */
    record RateColours(@DefaultValue("0.95") @DecimalMin("0") @DecimalMax("1") double green,
            @DefaultValue("0.85") @DecimalMin("0") @DecimalMax("1") double yellow) {
    }
}
