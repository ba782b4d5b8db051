package cn.jiandu.detection;

import java.time.Instant;
import java.util.List;

/**
 * The parameters of a rule's query. {@code cutoff}: a record's period must have started
 * before it (for a lead rule: its end must be at or before it). {@code seconds}: the
 * shortest threshold in seconds, working days counted as calendar days, so the query finds
 * a superset of what the exact thresholds find. Incrementally, only records written by an
 * import after {@code importMark}, records whose time column falls in one of the
 * {@code windows} (their deadline passed since the last run) and records with an open
 * finding of the rule are read.
 */
record RuleQuery(String rule, Instant now, Instant cutoff, long seconds, boolean incremental, long importMark,
        List<Window> windows) {

    /** A range of a time column, both ends included. */
    record Window(Instant from, Instant to) {
    }
}
