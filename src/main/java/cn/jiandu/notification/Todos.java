package cn.jiandu.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * User tasks as DingTalk to-dos (钉钉待办): the engine's task listener tells what happened to a
 * task (created, assigned, completed, deleted), in the engine's transaction; this writes what
 * DingTalk should show into {@code dingtalk_todo} and an outbox row (channel TODO) that the
 * dispatcher reconciles (TodoSender). Nothing leaves the system here. Tasks of kinds not in
 * {@code jiandu.dingtalk.todo.task-kinds} are left alone.
 */
@Service
public class Todos {

    private static final Logger log = LoggerFactory.getLogger(Todos.class);
    /** DingTalk takes about 100 executors a to-do */
    static final int MAX_EXECUTORS = 100;

    /**
     * A user task as the to-do shows it.
     *
     * @param taskId the task's id: the to-do's sourceId
     * @param taskKey its definition key in the model (Task_Sign …)
     * @param problemId the problem it belongs to, null for other processes
     * @param level the problem's level, null if unknown
     * @param subject the task's name (【蓝色预警】签收：…)
     * @param unitName the unit concerned, null if none
     * @param due the task's due date, null if none
     * @param assignee the officer number it is assigned to, null if unassigned
     * @param candidateUsers officer numbers that may claim it
     * @param candidateGroups groups that may claim it: head_UNIT, unit_UNIT, role names
     */
    public record TodoTask(String taskId, String taskKey, Long problemId, Level level, String subject,
            String unitName, Instant due, String assignee, List<String> candidateUsers, List<String> candidateGroups) {
    }

    private final TodoMapper todos;
    private final OutboxMapper outbox;
    private final TaskPeople people;
    private final TodoProperties properties;
    private final Clock clock;

    Todos(TodoMapper todos, OutboxMapper outbox, TaskPeople people, TodoProperties properties, Clock clock) {
        this.todos = todos;
        this.outbox = outbox;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether tasks of this definition key become to-dos (jiandu.dingtalk.todo.task-kinds). */
    public boolean syncs(String taskKey) {
        return properties.syncs(taskKey);
    }

    /**
     * A task was created, assigned or changed: its to-do should be open for whoever may act
     * on it now. Nothing for a task nobody with a DingTalk id may act on.
     */
    @Transactional
    public void taskOpen(TodoTask task) {
        if (!syncs(task.taskKey())) {
            return;
        }
        List<String> executors = executors(task);
        TodoRow before = todos.find(task.taskId());
        if (executors.isEmpty()) {
            log.info("Task {} ({}): no one who may act on it has a DingTalk id; no to-do", task.taskId(),
                    task.taskKey());
            return;
        }
        Instant now = clock.instant();
        String joined = String.join(",", executors);
        String description = description(task);
        String subject = abbreviate(task.subject(), 1000);
        if (before == null) {
            TodoRow row = new TodoRow(task.taskId(), task.taskKey(), task.problemId(), levelName(task), subject,
                    description, task.due(), PublicLinks.taskPath(task.taskId()), joined, TodoRow.OPEN,
                    TodoRow.NONE, 0, null, null, null, 1, now, now);
            todos.insert(row);
            queue(row, now);
            return;
        }
        if (!TodoRow.OPEN.equals(before.desiredState())) {
            return; // done or deleted: a task does not come back
        }
        if (joined.equals(before.executors()) && subject.equals(before.subject())
                && Objects.equals(task.due(), before.dueAt()) && Objects.equals(description, before.description())) {
            return;
        }
        TodoRow row = new TodoRow(before.taskId(), before.taskKey(), before.problemId(), levelName(task), subject,
                description, task.due(), before.detailPath(), joined, TodoRow.OPEN, before.actualState(),
                before.syncedVersion(), before.dingtalkId(), before.creatorUnionId(), before.lastError(),
                before.version() + 1, before.createdAt(), now);
        todos.updateWish(row);
        queue(row, now);
    }

    /** The task was completed: its to-do is done. */
    @Transactional
    public void taskCompleted(String taskId) {
        change(taskId, TodoRow.DONE);
    }

    /** The task was deleted (the problem voided, the task cut off by an event): its to-do goes. */
    @Transactional
    public void taskDeleted(String taskId) {
        change(taskId, TodoRow.DELETED);
    }

    /** The to-dos of a problem's tasks, oldest first. */
    @Transactional(readOnly = true)
    public List<TodoRow> ofProblem(long problemId) {
        return todos.ofProblem(problemId);
    }

    private void change(String taskId, String desired) {
        TodoRow before = todos.find(taskId);
        if (before == null || desired.equals(before.desiredState()) || TodoRow.DELETED.equals(before.desiredState())) {
            return;
        }
        Instant now = clock.instant();
        TodoRow row = new TodoRow(before.taskId(), before.taskKey(), before.problemId(), before.level(),
                before.subject(), before.description(), before.dueAt(), before.detailPath(), before.executors(),
                desired, before.actualState(), before.syncedVersion(), before.dingtalkId(), before.creatorUnionId(),
                before.lastError(), before.version() + 1, before.createdAt(), now);
        todos.updateWish(row);
        queue(row, now);
    }

    /** One outbox row per change (task and version): a change written twice adds nothing. */
    private void queue(TodoRow row, Instant now) {
        String key = "todo:" + row.taskId() + ":" + row.version();
        if (outbox.exists(key) > 0) {
            return;
        }
        outbox.insert(new OutboxMapper.NewMessage(key, "todo:" + row.taskId(), OutboxMessage.TODO, row.taskId(),
                "钉钉待办", row.problemId(), "TODO", row.level(), abbreviate(row.subject(), 200),
                "待办" + switch (row.desiredState()) {
                    case TodoRow.DONE -> "完成";
                    case TodoRow.DELETED -> "删除";
                    default -> "：" + row.executors();
                }, PublicLinks.taskPath(row.taskId()), null, now, now));
    }

    /**
     * The DingTalk userIds of those who may act on the task: its assignee, else its candidate
     * users and the members of its candidate groups; active officers with a DingTalk id only.
     */
    List<String> executors(TodoTask task) {
        List<Officer> people = task.assignee() != null ? this.people.of(task.assignee(), null, null)
                : this.people.of(null, task.candidateUsers(), task.candidateGroups());
        List<String> ids = new ArrayList<>();
        for (Officer officer : people) {
            if (TaskPeople.onDingTalk(officer)) {
                if (!ids.contains(officer.dingtalkUserId()) && ids.size() < MAX_EXECUTORS) {
                    ids.add(officer.dingtalkUserId());
                }
            } else {
                log.info("Officer {} has no DingTalk id: task {} is no to-do of his", officer.officerNo(),
                        task.taskId());
            }
        }
        return ids;
    }

    private static String description(TodoTask task) {
        List<String> lines = new ArrayList<>();
        if (task.unitName() != null && !task.unitName().isBlank()) {
            lines.add("责任单位：" + task.unitName());
        }
        if (task.due() != null) {
            lines.add("办理期限：" + ChineseDates.dateTime(task.due().atZone(Times.CHINA)));
        }
        lines.add("请在执法监督系统中办理。");
        return String.join("\n", lines);
    }

    private static String levelName(TodoTask task) {
        return task.level() == null ? null : task.level().name();
    }

    static String abbreviate(String text, int max) {
        String t = text == null || text.isBlank() ? "待办" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
