package cn.jiandu.escalation;

import java.util.List;
import java.util.Map;

import cn.jiandu.calendar.PeriodUnit;

/**
 * The rule of processes/deadlines.dmn for a category and level (one rule of each of its
 * tables, merged by {@link DeadlineTables}): the rectification period and the follow-up
 * clocks around it. {@code maxPauseDays}: the working days a problem may
 * be paused in all (暂停计时上限); rules locked before the column existed read 0, no pause.
 * {@code evidenceRequired}: 整改 is reported done only with evidence uploaded (整改佐证材料);
 * rules locked before the column existed read null, which requires it too.
 * {@code instructionHours}: the hours the deputy leader has for his instruction at 督办
 * (督办批示时限); rules locked before the column existed read null, {@link #DEFAULT_INSTRUCTION_HOURS}.
 */
public record DeadlineRule(int periodAmount, PeriodUnit periodUnit, int signHours, int signGraceHours,
        int reminderLeadHours, int reminderIntervalHours, int graceDays, int reviewDays, int instructionDays,
        int talkDays, int maxPauseDays, Boolean evidenceRequired, Integer instructionHours) {

    static final int DEFAULT_INSTRUCTION_HOURS = 24;

    /** The outputs of deadlines.dmn (all its tables together) a rule is made of. */
    static final List<String> OUTPUTS = List.of("periodAmount", "periodUnit", "signHours", "signGraceHours",
            "reminderLeadHours", "reminderIntervalHours", "graceDays", "reviewDays", "instructionDays",
            "instructionHours", "talkDays", "maxPauseDays", "evidenceRequired");

    /** What an output must hold, in the process owner's words. */
    static String expected(String output) {
        return switch (output) {
            case "periodUnit" -> "应为 WORKING_DAYS（工作日）、CALENDAR_DAYS（自然日）或 HOURS（小时）";
            case "evidenceRequired" -> "应为 true（须附佐证材料）或 false";
            default -> "应为整数";
        };
    }

    static DeadlineRule of(Map<String, Object> result) {
        return new DeadlineRule(number(result, "periodAmount"), PeriodUnit.valueOf((String) result.get("periodUnit")),
                number(result, "signHours"), number(result, "signGraceHours"), number(result, "reminderLeadHours"),
                Math.max(1, number(result, "reminderIntervalHours")), number(result, "graceDays"),
                number(result, "reviewDays"), number(result, "instructionDays"), number(result, "talkDays"),
                optional(result, "maxPauseDays"),
                result.get("evidenceRequired") instanceof Boolean b ? b : Boolean.TRUE,
                result.get("instructionHours") instanceof Number n ? n.intValue() : null);
    }

    /** Whether reporting 整改 done needs evidence (整改佐证材料); absent means yes. */
    boolean needsEvidence() {
        return evidenceRequired == null || evidenceRequired;
    }

    int hours(String field) {
        return switch (field) {
            case "instructionHours" -> instructionHours == null || instructionHours <= 0 ? DEFAULT_INSTRUCTION_HOURS
                    : instructionHours;
            case "signHours" -> signHours;
            default -> throw new IllegalArgumentException("Unknown deadline field in hours: " + field);
        };
    }

    int days(String field) {
        return switch (field) {
            case "reviewDays" -> reviewDays;
            case "instructionDays" -> instructionDays;
            case "talkDays" -> talkDays;
            case "graceDays" -> graceDays;
            default -> throw new IllegalArgumentException("Unknown deadline field: " + field);
        };
    }

    /** A column older locked rules lack: 0 when absent. */
    private static int optional(Map<String, Object> result, String name) {
        return result.get(name) instanceof Number n ? n.intValue() : 0;
    }

    private static int number(Map<String, Object> result, String name) {
        Object value = result.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("deadlines.dmn gave no number for " + name + ": " + value);
        }
        return n.intValue();
    }
}
