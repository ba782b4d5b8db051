package cn.jiandu.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.level.Level;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkTodos;
import cn.jiandu.web.PublicLinks;

/**
 * Makes a task's DingTalk to-do what {@code dingtalk_todo} wishes (the dispatcher's TODO rows):
 * creates it, updates it, marks it done or deletes it, and writes what it did. Safe to run
 * again and on two nodes at once: a create that may have happened before (its answer lost, a
 * node gone mid-call) is looked up by its sourceId (the task id) first, and DingTalk refuses
 * a second to-do of one sourceId ("task exist"), which is taken as the first one found.
 * The dispatcher's sender of channel TODO: one reconciliation per task a round, side by side
 * on the send threads; it waits while the month's quota is used up, and when DingTalk says
 * its calls a second are exceeded.
 */
@Component
@Order(2)
class TodoSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TodoSender.class);
    /** DingTalk's "no such user" of user/get */
    private static final int NO_SUCH_USER = 60121;

    static final String QUOTA_USED_UP = "钉钉接口本月额度已用完，待办暂停同步（工作通知照常发送）";

    private final TodoMapper todos;
    private final DingTalkTodos dingtalk;
    private final PublicLinks links;
    private final Clock clock;
    private final TransactionTemplate tx;

    TodoSender(TodoMapper todos, DingTalkTodos dingtalk, PublicLinks links, Clock clock, TransactionTemplate tx) {
        this.todos = todos;
        this.dingtalk = dingtalk;
        this.links = links;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.TODO);
    }

    /** Every change of one task's to-do in the round (the recipient is the task): one reconciliation. */
    @Override
    public Collection<List<OutboxMessage>> groups(List<OutboxMessage> rows) {
        return ChannelSender.byKey(rows, OutboxMessage::recipient);
    }

    @Override
    public boolean parallel() {
        return true;
    }

    @Override
    public boolean waitsForQuota() {
        return true;
    }

    /** The to-do shows why it waits. */
    @Override
    public String quotaUsedUp(List<OutboxMessage> group) {
        String taskId = group.get(0).recipient();
        tx.executeWithoutResult(s -> todos.markError(taskId, QUOTA_USED_UP, clock.instant()));
        return QUOTA_USED_UP;
    }

    @Override
    public boolean countedAsSent() {
        return true;
    }

    /**
     * Over DingTalk's calls a second: again in 1 to 3 s, no attempt spent (a storm of to-dos
     * would otherwise back off for minutes and end FAILED).
     */
    @Override
    public Outcome send(List<OutboxMessage> group) {
        try {
            reconcile(group.get(0).recipient());
            return Outcome.sent();
        } catch (DingTalkException e) {
            if (DingTalkTodos.isThrottled(e)) {
                return Outcome.waitUntil(clock.instant().plusMillis(1000 + ThreadLocalRandom.current().nextLong(2000)),
                        e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Reconciles the task's to-do with its wish.
     *
     * @throws DingTalkException when DingTalk refuses or cannot be reached (written to the row too)
     */
    void reconcile(String taskId) {
        TodoRow row = todos.find(taskId);
        if (row == null || (row.desiredState().equals(row.actualState()) && row.syncedVersion() == row.version())) {
            return;
        }
        try {
            switch (row.desiredState()) {
                case TodoRow.OPEN -> open(row);
                case TodoRow.DONE -> finish(row, TodoRow.DONE);
                default -> finish(row, TodoRow.DELETED);
            }
        } catch (DingTalkException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            tx.executeWithoutResult(s -> todos.markError(taskId, Todos.abbreviate(error, 1000), clock.instant()));
            throw e;
        }
    }

    private void open(TodoRow row) {
        List<String> executors = unionIds(row.executors());
        if (executors.isEmpty()) {
            throw new DingTalkException("No executor of task " + row.taskId() + " is known to DingTalk (unionId)",
                    null, false);
        }
        String creator = row.creatorUnionId() != null ? row.creatorUnionId() : executors.get(0);
        DingTalkTodos.NewTodo todo = new DingTalkTodos.NewTodo(row.taskId(), row.subject(), row.description(),
                row.dueAt() == null ? null : row.dueAt().toEpochMilli(), executors,
                links.inDingTalk(row.detailPath()), priority(row.level()));
        if (row.dingtalkId() != null && TodoRow.OPEN.equals(row.actualState())) {
            dingtalk.update(creator, row.dingtalkId(), todo);
            mark(row, TodoRow.OPEN, row.dingtalkId(), creator);
            return;
        }
        String id = row.dingtalkId();
        if (id == null) {
            id = created(row, creator, todo);
        }
        mark(row, TodoRow.OPEN, id, creator);
    }

    /** Creates the to-do, or finds the one an earlier attempt made. */
    private String created(TodoRow row, String creator, DingTalkTodos.NewTodo todo) {
        if (TodoRow.CREATING.equals(row.actualState())) {
            Optional<DingTalkTodos.RemoteTodo> there = dingtalk.findBySource(creator, row.taskId());
            if (there.isPresent()) {
                log.info("To-do of task {} was made by an earlier attempt; not made again", row.taskId());
                return there.get().id();
            }
        } else {
            tx.executeWithoutResult(s -> todos.markCreating(row.taskId(), clock.instant()));
        }
        try {
            return dingtalk.create(creator, todo);
        } catch (DingTalkException e) {
            if (!DingTalkTodos.isAlreadyThere(e)) {
                throw e;
            }
            // another node made it a moment ago
            return dingtalk.findBySource(creator, row.taskId()).map(DingTalkTodos.RemoteTodo::id)
                    .orElseThrow(() -> new DingTalkException("DingTalk says the to-do of task " + row.taskId()
                            + " exists but does not find it", null, true));
        }
    }

    /** Done or deleted; nothing to do at DingTalk for a to-do never made. */
    private void finish(TodoRow row, String state) {
        String id = row.dingtalkId();
        String operator = row.creatorUnionId();
        if (id == null && TodoRow.CREATING.equals(row.actualState())) {
            // a create may have gone through without its answer: look
            List<String> executors = unionIds(row.executors());
            operator = executors.isEmpty() ? null : executors.get(0);
            id = operator == null ? null
                    : dingtalk.findBySource(operator, row.taskId()).map(DingTalkTodos.RemoteTodo::id).orElse(null);
        }
        if (id != null && operator != null) {
            if (TodoRow.DONE.equals(state)) {
                if (!dingtalk.markDone(operator, id)) {
                    log.info("To-do of task {} is gone at DingTalk (deleted there); nothing to mark done", row.taskId());
                }
            } else {
                dingtalk.delete(operator, id);
            }
        }
        mark(row, state, id, operator);
    }

    private void mark(TodoRow row, String actual, String id, String creator) {
        tx.executeWithoutResult(s -> todos.markActual(row.taskId(), row.version(), actual, id, creator,
                clock.instant()));
    }

    /** The unionIds of DingTalk userIds, from the cache table or user/get; people DingTalk does not know are skipped. */
    List<String> unionIds(String userIds) {
        List<String> unionIds = new ArrayList<>();
        if (userIds == null || userIds.isBlank()) {
            return unionIds;
        }
        for (String userId : userIds.split(",")) {
            String unionId = unionId(userId.strip());
            if (unionId != null && !unionIds.contains(unionId)) {
                unionIds.add(unionId);
            }
        }
        return unionIds;
    }

    private String unionId(String userId) {
        String cached = todos.unionId(userId);
        if (cached != null) {
            return cached;
        }
        String unionId;
        try {
            unionId = dingtalk.unionId(userId);
        } catch (DingTalkException e) {
            if (e.errcode() != null && e.errcode() == NO_SUCH_USER) {
                log.warn("DingTalk knows no user {}: no to-do for him", userId);
                return null;
            }
            throw e;
        }
        try {
            tx.executeWithoutResult(s -> todos.insertUnionId(userId, unionId, clock.instant()));
        } catch (DuplicateKeyException another) {
            // another node looked him up at the same moment
        }
        return unionId;
    }

    /** DingTalk's priority by the problem's level: blue 20 normal, yellow 30 urgent, red 40 very urgent. */
    static Integer priority(String level) {
        if (level == null) {
            return null;
        }
        return switch (Level.valueOf(level)) {
            case BLUE -> 20;
            case YELLOW -> 30;
            case RED -> 40;
        };
    }
}
