package cn.jiandu.escalation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.intake.CallbackOutcome;
import cn.jiandu.intake.IntakeTriage;
import cn.jiandu.security.FormSubmissionPolicy.Refusal;
import cn.jiandu.security.FormSubmissionPolicy.Submitted;
import cn.jiandu.text.PlainText;

/**
 * What a person may decide in the tasks of intake.bpmn beyond the form's own types: a triage
 * that names a unit, a category, an open problem or a reason as its decision needs (分派), a
 * dissatisfied call back that says why (回访), a review with its explanation (回访复核). Each
 * as the field's error, before the engine runs, so the task stays open.
 */
@Component
class IntakeChecks {

    static final int MAX_NOTE = 1000;

    private final IntakeTriage intakes;
    private final TaskService tasks;

    IntakeChecks(IntakeTriage intakes, TaskService tasks) {
        this.intakes = intakes;
        this.tasks = tasks;
    }

    List<Refusal> refusals(String taskId, String taskKey, Map<String, Submitted> submitted) {
        return switch (taskKey) {
            case IntakeFlow.TASK_TRIAGE -> triage(taskId, submitted);
            case IntakeFlow.TASK_CALLBACK -> callback(taskId, submitted);
            case IntakeFlow.TASK_CALLBACK_REVIEW -> review(taskId, submitted);
            default -> List.of();
        };
    }

    private List<Refusal> triage(String taskId, Map<String, Submitted> submitted) {
        Object problemId = value(taskId, submitted, IntakeFlow.PROBLEM_ID);
        Long problem = problemId instanceof Number n ? Long.valueOf(n.longValue())
                : problemId instanceof String s && s.strip().matches("\\d{1,18}") ? Long.valueOf(s.strip()) : null;
        IntakeTriage.Decision decision = new IntakeTriage.Decision(text(taskId, submitted, IntakeFlow.TRIAGE_DECISION),
                text(taskId, submitted, IntakeFlow.UNIT_CODE), text(taskId, submitted, IntakeFlow.CATEGORY),
                text(taskId, submitted, IntakeFlow.OFFICER_NO),
                Boolean.TRUE.equals(value(taskId, submitted, IntakeFlow.SENSITIVE)), problem,
                text(taskId, submitted, IntakeFlow.REFER_TO), text(taskId, submitted, IntakeFlow.TRIAGE_REASON));
        long intakeId = ((Number) tasks.getVariable(taskId, IntakeFlow.INTAKE_ID)).longValue();
        return intakes.refusals(intakeId, decision).stream().map(e -> new Refusal(e.field(), e.message())).toList();
    }

    private List<Refusal> callback(String taskId, Map<String, Submitted> submitted) {
        String outcome = text(taskId, submitted, IntakeFlow.CALLBACK_OUTCOME);
        if (outcome == null || java.util.Arrays.stream(CallbackOutcome.values()).noneMatch(o -> o.name().equals(outcome))) {
            return List.of(new Refusal(IntakeFlow.CALLBACK_OUTCOME, "请选择回访结果：满意、基本满意、不满意或联系不上"));
        }
        String note = text(taskId, submitted, IntakeFlow.CALLBACK_NOTE);
        if (CallbackOutcome.DISSATISFIED.name().equals(outcome) && blank(note)) {
            return List.of(new Refusal(IntakeFlow.CALLBACK_NOTE, "群众不满意的，须记录不满意的具体内容和诉求"));
        }
        return note(IntakeFlow.CALLBACK_NOTE, note);
    }

    private List<Refusal> review(String taskId, Map<String, Submitted> submitted) {
        String decision = text(taskId, submitted, IntakeFlow.CALLBACK_REVIEW_DECISION);
        if (!"REOPEN".equals(decision) && !"UPHOLD".equals(decision)) {
            return List.of(new Refusal(IntakeFlow.CALLBACK_REVIEW_DECISION, "请选择复核决定：重新整改或维持（已解释）"));
        }
        String note = text(taskId, submitted, IntakeFlow.CALLBACK_REVIEW_NOTE);
        if (blank(note)) {
            return List.of(new Refusal(IntakeFlow.CALLBACK_REVIEW_NOTE, "REOPEN".equals(decision)
                    ? "请写明重新整改的理由和要求" : "请写明向群众所作的解释"));
        }
        return note(IntakeFlow.CALLBACK_REVIEW_NOTE, note);
    }

    private static List<Refusal> note(String field, String note) {
        if (note == null) {
            return List.of();
        }
        if (note.strip().length() > MAX_NOTE) {
            return List.of(new Refusal(field, "最长" + MAX_NOTE + "字"));
        }
        return PlainText.isMultiLine(note) ? List.of() : List.of(new Refusal(field, "不能含控制字符或不完整的字符"));
    }

    /** The submitted value, else the one the task holds (a completion may send only some fields). */
    private Object value(String taskId, Map<String, Submitted> submitted, String name) {
        if (submitted.containsKey(name)) {
            Submitted s = submitted.get(name);
            JsonNode node = s == null ? null : s.value();
            if (node == null || node.isNull()) {
                return null;
            }
            return node.isBoolean() ? node.booleanValue() : node.isNumber() ? node.numberValue() : node.asText();
        }
        return tasks.getVariable(taskId, name);
    }

    private String text(String taskId, Map<String, Submitted> submitted, String name) {
        Object value = value(taskId, submitted, name);
        return value == null ? null : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
