package cn.jiandu.detection;

import java.util.EnumMap;
import java.util.Map;

import cn.jiandu.level.Level;

/**
 * The detection rules (规则预警) over the ledgers, each with its default thresholds; the
 * thresholds in configuration (jiandu.detection.rules.*) replace them. A lateness rule
 * finds a record whose step (受案, 立案, 回执 …) was not done within its threshold after its
 * start (接警, 受案, 立案 …): still not done, or done later. Levels with larger thresholds
 * make a finding worse over time (3, 7, 30 days: blue, yellow, red).
 */
enum Rule {
    ADMIN_INCIDENT_NOT_ACCEPTED("行政警情未按期受案", "CASE_FILING", LedgerKind.INCIDENTS, "接警", "受案",
            ThresholdUnit.CALENDAR_DAYS, levels(3, null, null)),
    CRIMINAL_INCIDENT_NOT_FILED("刑事警情未按期立案", "CASE_FILING", LedgerKind.INCIDENTS, "接警",
            "立案或作出不予立案决定", ThresholdUnit.CALENDAR_DAYS, levels(3, 7, 30)),
    INCIDENT_NOT_DIVERTED("警情未及时分流", "INCIDENT_DIVERSION", LedgerKind.INCIDENTS, "接警", "分流",
            ThresholdUnit.HOURS, levels(24, null, null)),
    ACCEPTANCE_WITHOUT_RECEIPT("受案未开具受案回执", "LEGAL_DOCUMENT", LedgerKind.CASES, "受案", "开具受案回执",
            ThresholdUnit.CALENDAR_DAYS, levels(1, null, null)),
    // 立案告知 counts working days by default: a filing on Friday is told by Wednesday
    FILING_WITHOUT_NOTICE("立案未开具立案告知书", "LEGAL_DOCUMENT", LedgerKind.CASES, "立案", "开具立案告知书",
            ThresholdUnit.WORKING_DAYS, levels(3, null, null)),
    MEASURE_OVERDUE("强制措施超期未解除", "COERCIVE_MEASURE", LedgerKind.MEASURES, "期限届满", "解除",
            ThresholdUnit.CALENDAR_DAYS, levels(null, null, 0)),
    /** Not lateness: a measure whose end is this near and that is not yet released (临期提醒). */
    MEASURE_EXPIRING("强制措施临期未解除", "COERCIVE_MEASURE", LedgerKind.MEASURES, "期限届满", "解除",
            ThresholdUnit.CALENDAR_DAYS, levels(7, null, null));

    private final String label;
    private final String category;
    private final LedgerKind ledger;
    private final String startLabel;
    private final String stepLabel;
    private final ThresholdUnit defaultUnit;
    private final Map<Level, Integer> defaultLevels;

    Rule(String label, String category, LedgerKind ledger, String startLabel, String stepLabel,
            ThresholdUnit defaultUnit, Map<Level, Integer> defaultLevels) {
        this.label = label;
        this.category = category;
        this.ledger = ledger;
        this.startLabel = startLabel;
        this.stepLabel = stepLabel;
        this.defaultUnit = defaultUnit;
        this.defaultLevels = defaultLevels;
    }

    String label() {
        return label;
    }

    /** The problem category (ref_category) of the problems the rule opens. */
    String category() {
        return category;
    }

    LedgerKind ledger() {
        return ledger;
    }

    String startLabel() {
        return startLabel;
    }

    String stepLabel() {
        return stepLabel;
    }

    ThresholdUnit defaultUnit() {
        return defaultUnit;
    }

    Map<Level, Integer> defaultLevels() {
        return defaultLevels;
    }

    /** Whether the thresholds are a lead before the record's end rather than a delay after its start. */
    boolean isLead() {
        return this == MEASURE_EXPIRING;
    }

    /** The problem's finding key: rule and record, unique among problems. */
    String findingKey(String recordKey) {
        return name() + ":" + recordKey;
    }

    private static Map<Level, Integer> levels(Integer blue, Integer yellow, Integer red) {
        Map<Level, Integer> levels = new EnumMap<>(Level.class);
        if (blue != null) {
            levels.put(Level.BLUE, blue);
        }
        if (yellow != null) {
            levels.put(Level.YELLOW, yellow);
        }
        if (red != null) {
            levels.put(Level.RED, red);
        }
        return Map.copyOf(levels);
    }
}
