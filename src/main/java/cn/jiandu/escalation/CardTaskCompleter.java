package cn.jiandu.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.TextNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.CardActionWorker;
import cn.jiandu.notification.CardTasks;
import cn.jiandu.security.FormSubmissionPolicy;

/**
 * Completes a card's task for the person who pressed its button, by the Tasklist's rules and
 * no others: the form's checks (FormSubmissionPolicy, TaskSubmissions: only the form's fields,
 * the task visible to him, a role's task only by that role) and then Camunda's authorizations,
 * the engine acting as that person (his groups: a unit head's head_&lt;unit&gt;), so that a
 * task of another unit is refused and the timeline names him.
 */
@Component
class CardTaskCompleter implements CardTasks {

    private final TaskService tasks;
    private final IdentityService identity;
    private final FormSubmissionPolicy submissions;

    CardTaskCompleter(TaskService tasks, IdentityService identity, FormSubmissionPolicy submissions) {
        this.tasks = tasks;
        this.identity = identity;
        this.submissions = submissions;
    }

    @Override
    public Result complete(String taskId, String officerNo, Map<String, String> variables) {
        Authentication saved = identity.getCurrentAuthentication();
        try {
            identity.clearAuthentication();
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return new Result(Outcome.ALREADY_DONE, null);
            }
            List<String> groups = identity.createGroupQuery().groupMember(officerNo).list().stream().map(Group::getId)
                    .toList();
            Map<String, FormSubmissionPolicy.Submitted> submitted = new HashMap<>();
            variables.forEach((name, value) -> submitted.put(name,
                    new FormSubmissionPolicy.Submitted(null, TextNode.valueOf(value), false)));
            FormSubmissionPolicy.Verdict verdict = submissions.checkTask(taskId,
                    new FormSubmissionPolicy.Submitter(officerNo, groups), submitted);
            if (verdict.form() == null) {
                // not visible to him under Camunda's authorizations: not his unit's (or role's) task
                return new Result(Outcome.REFUSED, CardActionWorker.NOT_YOURS);
            }
            if (!verdict.accepted()) {
                return new Result(Outcome.REFUSED, verdict.forbidden() ? verdict.refusals().get(0).message()
                        : verdict.message());
            }
            identity.setAuthentication(officerNo, groups);
            tasks.complete(taskId, new HashMap<>(variables));
            return new Result(Outcome.DONE, null);
        } catch (AuthorizationException e) {
            return new Result(Outcome.REFUSED, CardActionWorker.NOT_YOURS);
        } catch (NullValueException e) {
            return new Result(Outcome.ALREADY_DONE, null); // completed between the query and the completion
        } finally {
            if (saved == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(saved);
            }
        }
    }
}
