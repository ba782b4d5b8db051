package cn.jiandu.detection;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.jiandu.level.Level;
import cn.jiandu.time.Times;

/** The Chinese title, description and raising reason of the problems the rules open. */
final class Wording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Wording() {
    }

    static String title(Rule rule, Candidate record) {
        return rule.label() + "：" + record.recordKey();
    }

    static String description(Rule rule, DetectionProperties.RuleSettings settings, Candidate record,
            Thresholds.Evaluation evaluation, Instant now) {
        String what = rule.ledger().label() + " " + record.recordKey() + kind(rule, record.detail());
        String tail = "（规则预警 " + rule.name() + "）";
        if (rule.isLead()) {
            return what + "期限将于" + time(record.startAt()) + "届满，截至" + time(now)
                    + "尚未解除，请在届满前办理解除或变更手续（临期提醒）。" + tail;
        }
        String period = settings.first() == 0 ? "届满时" : settings.unit().describe(settings.first()) + "内";
        String done = evaluation.done() != null
                ? "实际于" + time(evaluation.done()) + rule.stepLabel() + "，已超期。"
                : "截至" + time(now) + "仍未" + rule.stepLabel() + "。";
        return what + "于" + time(record.startAt()) + rule.startLabel() + "，应在" + period + rule.stepLabel() + "（"
                + time(evaluation.deadline()) + "前），" + done + tail;
    }

    static String raiseReason(Rule rule, DetectionProperties.RuleSettings settings, Level level) {
        Integer amount = settings.levels().get(level);
        String over = amount == null ? "" : "已超过" + settings.unit().describe(amount);
        return "规则预警：" + rule.label() + over + "，升为" + level.label() + "预警";
    }

    private static String kind(Rule rule, String detail) {
        if (detail == null) {
            return "";
        }
        try {
            return switch (rule.ledger()) {
                case INCIDENTS -> "（" + IncidentCategory.valueOf(detail).label() + "警情）";
                case CASES -> "（" + CaseCategory.valueOf(detail).label() + "案件）";
                case MEASURES -> "（" + MeasureType.valueOf(detail).label() + "）";
            };
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(Times.CHINA));
    }
}
