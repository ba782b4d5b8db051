package cn.jiandu.escalation;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.jiandu.level.Level;
import cn.jiandu.notification.Todos;

/**
 * Tells {@link Todos} what happens to every user task of every model (TodoTaskPlugin attaches
 * it): created, assigned or changed, completed, deleted. It only records the wish, in the
 * engine's transaction; the outbox's dispatcher makes DingTalk's to-do (钉钉待办) match it.
 */
@Component
class TodoTasks implements TaskListener {

    private final Todos todos;

    TodoTasks(Todos todos) {
        this.todos = todos;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!todos.syncs(task.getTaskDefinitionKey())) {
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> todos.taskOpen(todoTask(task));
            case EVENTNAME_COMPLETE -> todos.taskCompleted(task.getId());
            case EVENTNAME_DELETE -> todos.taskDeleted(task.getId());
            default -> {
            }
        }
    }

    private static Todos.TodoTask todoTask(DelegateTask task) {
        Candidates candidates = Candidates.of(task);
        Object problemId = task.getVariable(Rectification.PROBLEM_ID);
        Object level = task.getVariable(Rectification.LEVEL);
        Level known = null;
        if (level instanceof String name) {
            try {
                known = Level.valueOf(name);
            } catch (IllegalArgumentException e) {
                known = null;
            }
        }
        return new Todos.TodoTask(task.getId(), task.getTaskDefinitionKey(),
                problemId instanceof Number n ? n.longValue() : null, known, task.getName(),
                Variables.text(task, Rectification.UNIT_NAME),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(), candidates.users(),
                candidates.groups());
    }
}
