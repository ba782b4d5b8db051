package cn.jiandu.escalation;

import java.util.Map;

import cn.jiandu.calendar.PeriodUnit;

/**
 * One row of processes/deadlines.dmn for a category and level: the rectification period
 * and the follow-up clocks around it.
 */
record DeadlineRule(int periodAmount, PeriodUnit periodUnit, int signHours, int signGraceHours,
        int reminderLeadHours, int reminderIntervalHours, int graceDays, int reviewDays, int instructionDays,
        int talkDays) {

    static DeadlineRule of(Map<String, Object> result) {
        return new DeadlineRule(number(result, "periodAmount"), PeriodUnit.valueOf((String) result.get("periodUnit")),
                number(result, "signHours"), number(result, "signGraceHours"), number(result, "reminderLeadHours"),
                Math.max(1, number(result, "reminderIntervalHours")), number(result, "graceDays"),
                number(result, "reviewDays"), number(result, "instructionDays"), number(result, "talkDays"));
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

    private static int number(Map<String, Object> result, String name) {
        Object value = result.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("deadlines.dmn gave no number for " + name + ": " + value);
        }
        return n.intValue();
    }
}
