package cn.jiandu.escalation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
    private final IdentityService identity;

    CardHook(Cards cards, IdentityService identity) {
        this.cards = cards;
        this.identity = identity;
    }

    void created(DelegateTask task) {
        if (!cards.hasCards(task.getTaskDefinitionKey())) {
            return;
        }
        cards.taskCreated(new Cards.CardTask(task.getId(), task.getTaskDefinitionKey(), Variables.problemId(task),
                Variables.level(task), Variables.text(task, Rectification.PROBLEM_TITLE),
                Variables.text(task, Rectification.UNIT_NAME),
                task.getDueDate() == null ? "无"
                        : ChineseDates.dateTime(task.getDueDate().toInstant().atZone(Times.CHINA)),
                List.copyOf(people(task))));
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

    /** Who may act on the task: its assignee, candidate users and candidate groups' members. */
    private Set<String> people(DelegateTask task) {
        Set<String> people = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            people.add(task.getAssignee());
        }
        Authentication saved = identity.getCurrentAuthentication();
        try {
            // the members of a group, whoever started the task: not limited by his own authorizations
            identity.clearAuthentication();
            for (IdentityLink link : task.getCandidates()) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    people.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    identity.createUserQuery().memberOfGroup(link.getGroupId()).list().stream().map(User::getId)
                            .forEach(people::add);
                }
            }
        } finally {
            if (saved != null) {
                identity.setAuthentication(saved);
            }
        }
        return people;
    }
}
