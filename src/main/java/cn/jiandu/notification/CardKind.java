package cn.jiandu.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of interactive card (互动卡片): its template's name in the settings
 * ({@code jiandu.dingtalk.cards.<name>.template-id}), the user task it acts on, and its
 * buttons, each turned into the form variables that complete the task. Only these variables
 * are ever submitted, and they go through the same checks as the Tasklist's form.
 *
 * @param name the template's name in the settings
 * @param taskKey the task definition key of the user task
 * @param taskName the task's name as the card's title says it (【蓝色预警】签收：…, 【黄色预警】督办批示：…)
 * @param pending the card's status text while the task is open
 * @param buttons by action id, as the card template's buttons name them
 * @param outcomeField the form field that says what was done (its value names the verb), or null
 * @param verbs the verb shown on the card (「已由 X 于 … 签收」) by the outcome field's value
 * @param verb what doing the task is called when the outcome field says nothing known
 */
public record CardKind(String name, String taskKey, String taskName, String pending, Map<String, Button> buttons, String outcomeField,
        Map<String, String> verbs, String verb) {

    /** 签收 (the unit head): Task_Sign, form sign.form. */
    public static final CardKind SIGN = new CardKind("sign", "Task_Sign", "签收", "待签收",
            ordered(new Button("sign", "签收", Map.of("signOutcome", "SIGN"), null)), "signOutcome",
            Map.of("SIGN", "签收", "TRANSFER", "申请改派"), "办理");

    /** 督办批示 (the deputy leader): Task_SuperviseInstruction, 批示 with its text or 已阅. */
    public static final CardKind INSTRUCTION = new CardKind("instruction", "Task_SuperviseInstruction", "督办批示", "待批示",
            ordered(new Button("instruct", "批示", Map.of("instructionKind", "批示"), "instruction"),
                    new Button("read", "已阅", Map.of("instructionKind", "已阅"), null)),
            "instructionKind", Map.of("批示", "批示", "已阅", "阅示"), "办理");

    public static final List<CardKind> ALL = List.of(SIGN, INSTRUCTION);

    /**
     * A button of a card.
     *
     * @param actionId the id the card's callback names it by
     * @param label its text on the card
     * @param variables the fixed form variables it submits
     * @param textParam the name of the card's text box whose content it submits as the form
     *        variable of the same name (required, not blank), or null
     */
    public record Button(String actionId, String label, Map<String, String> variables, String textParam) {
    }

    public static Optional<CardKind> ofTask(String taskKey) {
        return ALL.stream().filter(kind -> kind.taskKey.equals(taskKey)).findFirst();
    }

    public static Optional<CardKind> named(String name) {
        return ALL.stream().filter(kind -> kind.name.equals(name)).findFirst();
    }

    /** The form fields whose values name what was done, for the card's status after completion. */
    public List<String> outcomeFields() {
        return outcomeField == null ? List.of() : List.of(outcomeField);
    }

    /** The verb of a completion, from the values of the outcome field. */
    public String verbOf(Map<String, Object> values) {
        Object outcome = outcomeField == null ? null : values.get(outcomeField);
        return outcome == null ? verb : verbs.getOrDefault(String.valueOf(outcome), verb);
    }

    private static Map<String, Button> ordered(Button... buttons) {
        Map<String, Button> map = new LinkedHashMap<>();
        for (Button button : buttons) {
            map.put(button.actionId(), button);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
