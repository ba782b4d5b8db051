package cn.jiandu.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.Cards;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;

/**
 * The engine's side of interactive cards (互动卡片): a task of a card kind (签收, 督办批示) sends a
 * card to everyone who may act on it (its assignee, its candidate users and the members of its
 * candidate groups); its completion, however made, turns every card of it into 「已由 X 于 …」.
 * Called by the task listener of the process (RectificationTasks), kept apart from it.
 */
@Component
class CardHook {

    private final Cards cards;

    CardHook(Cards cards) {
        this.cards = cards;
    }

    void created(DelegateTask task) {
        if (!cards.hasCards(task.getTaskDefinitionKey())) {
            return;
        }
        Candidates candidates = Candidates.of(task);
        cards.taskCreated(new Cards.CardTask(task.getId(), task.getTaskDefinitionKey(), Variables.problemId(task),
                Variables.level(task), Variables.text(task, Rectification.PROBLEM_TITLE),
                Variables.text(task, Rectification.UNIT_NAME),
                task.getDueDate() == null ? "无"
                        : ChineseDates.dateTime(task.getDueDate().toInstant().atZone(Times.CHINA)),
                task.getAssignee(), candidates.users(), candidates.groups()));
    }

    void completed(DelegateTask task, String actor) {
        List<String> fields = cards.outcomeFields(task.getTaskDefinitionKey());
        if (fields.isEmpty()) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        for (String field : fields) {
            values.put(field, task.getVariable(field));
        }
        cards.taskCompleted(task.getId(), task.getTaskDefinitionKey(), actor, values);
    }
}
