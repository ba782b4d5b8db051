package cn.jiandu.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.jiandu.level.Level;

/**
 * What a rule's thresholds make of one record at a moment, free of Spring and of the
 * database: whether it is a finding, its level, and whether its step is still missing.
 * Working days come from a {@link WorkingDays} (the calendar, read once per run).
 */
final class Thresholds {

    /** The end of the n-th working day after the date of {@code from} (n at least 1). */
    @FunctionalInterface
    interface WorkingDays {
        Instant deadline(Instant from, int days);
    }

    /**
     * The evaluation of one record. {@code outstanding}: the step is still missing (OPEN);
     * otherwise it was done, late (RECTIFIED). {@code mayOpen}: a new finding may open a
     * problem (an expiring measure already past its end is left to MEASURE_OVERDUE).
     */
    record Evaluation(Level level, boolean outstanding, Instant done, Instant deadline, boolean mayOpen) {
    }

    private final ThresholdUnit unit;
    private final Map<Level, Integer> levels;
    private final WorkingDays workingDays;

    Thresholds(ThresholdUnit unit, Map<Level, Integer> levels, WorkingDays workingDays) {
        this.unit = unit;
        this.levels = levels;
        this.workingDays = workingDays;
    }

    /** When a period of {@code amount} from {@code start} ends: the step is late after it. */
    Instant deadline(Instant start, int amount) {
        if (amount == 0) {
            return start;
        }
        return switch (unit) {
            case HOURS -> start.plus(Duration.ofHours(amount));
            case CALENDAR_DAYS -> start.plus(Duration.ofDays(amount));
            case WORKING_DAYS -> workingDays.deadline(start, amount);
        };
    }

    /**
     * A lateness rule: the step after {@code start}, done at {@code done} (null: not yet; a
     * time after now counts as not yet), judged at {@code now}. A finding at the worst level
     * whose deadline the step missed; "within" includes the deadline itself.
     */
    Evaluation late(Instant start, Instant done, Instant now) {
        Instant doneBy = done != null && !done.isAfter(now) ? done : null;
        Instant effective = doneBy != null ? doneBy : now;
        Level level = null;
        Instant first = null;
        for (Level candidate : Level.values()) {
            Integer amount = levels.get(candidate);
            if (amount == null) {
                continue;
            }
            Instant deadline = deadline(start, amount);
            if (first == null) {
                first = deadline;
            }
            if (effective.isAfter(deadline)) {
                level = candidate;
            }
        }
        return level == null ? null : new Evaluation(level, doneBy == null, doneBy, first, true);
    }

    /**
     * A lead rule: a measure ending at {@code end}, released at {@code released} (null: not
     * yet), judged at {@code now}: a finding while it is not released and ends within the
     * lead (the lead's end included).
     */
    Evaluation expiring(Instant end, Instant released, Instant now) {
        if (released != null && !released.isAfter(now)) {
            return null;
        }
        Level level = null;
        for (Level candidate : Level.values()) {
            Integer lead = levels.get(candidate);
            if (lead != null && !end.isAfter(deadline(now, lead))) {
                level = candidate;
            }
        }
        return level == null ? null : new Evaluation(level, true, null, end, end.isAfter(now));
    }

    /** The farthest moment from now a lead rule looks ahead to: its longest lead. */
    Instant horizon(Instant now) {
        int longest = levels.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return deadline(now, longest);
    }
}
