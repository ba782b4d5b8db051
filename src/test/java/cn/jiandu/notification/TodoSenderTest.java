package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkQuota;
import cn.jiandu.notification.dingtalk.MutableClock;
import cn.jiandu.notification.dingtalk.TestDingTalk;
import cn.jiandu.web.PublicLinks;
import cn.jiandu.web.TestLinks;

/** The reconciliation of dingtalk_todo with DingTalk's to-dos, against the fake DingTalk. */
class TodoSenderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeDingTalk fake = TestDingTalk.fake(clock);
    private final DingTalkQuota quota = TestDingTalk.quota(100, clock, new SimpleMeterRegistry());
    private final MemoryTodos table = new MemoryTodos();
    private final PublicLinks links = TestLinks.of("https://jiandu.example");
    private final TodoSender sender = new TodoSender(table, TestDingTalk.todos(fake, clock, quota), links, clock,
            new TransactionTemplate(TestDingTalk.noTransactions()));

    @AfterEach
    void stop() {
        fake.stop();
    }

    private TodoRow wish(String taskId, String desired, int version, String executors) {
        TodoRow before = table.rows.get(taskId);
        TodoRow row = new TodoRow(taskId, "Task_Sign", 7L, "YELLOW", "【黄色预警】签收：测试", "责任单位：城关派出所",
                NOW.plusSeconds(86_400), PublicLinks.taskPath(taskId), executors, desired,
                before == null ? TodoRow.NONE : before.actualState(), before == null ? 0 : before.syncedVersion(),
                before == null ? null : before.dingtalkId(), before == null ? null : before.creatorUnionId(), null,
                version, NOW, NOW);
        table.rows.put(taskId, row);
        return row;
    }

    @Test
    void shouldCreateTheTodoForTheExecutorsUnionIdsWithTheTaskIdAsSourceAndTheLinkThroughDingTalk() {
        wish("t1", TodoRow.OPEN, 1, "dt1,dt2");

        sender.reconcile("t1");

        FakeDingTalk.Todo todo = fake.todos().get(0);
        assertThat(todo.sourceId()).isEqualTo("t1");
        assertThat(todo.executorIds()).containsExactly(FakeDingTalk.unionIdOf("dt1"), FakeDingTalk.unionIdOf("dt2"));
        assertThat(todo.creatorId()).isEqualTo(FakeDingTalk.unionIdOf("dt1"));
        assertThat(todo.appUrl()).isEqualTo(links.inDingTalk(PublicLinks.taskPath("t1")));
        assertThat(todo.priority()).isEqualTo(30);
        assertThat(todo.dueTime()).isEqualTo(NOW.plusSeconds(86_400).toEpochMilli());
        assertThat(table.rows.get("t1").actualState()).isEqualTo(TodoRow.OPEN);
        assertThat(table.rows.get("t1").dingtalkId()).isEqualTo(todo.id());
        assertThat(table.unionIds).containsKeys("dt1", "dt2");

        sender.reconcile("t1");
        assertThat(fake.todos()).as("nothing to do a second time").hasSize(1);
        assertThat(fake.calls("todo.create")).isEqualTo(1);
    }

    @Test
    void shouldFindTheTodoAnEarlierAttemptMadeInsteadOfMakingASecond() {
        wish("t2", TodoRow.OPEN, 1, "dt1");
        fake.failNextTodoCalls(1, FakeDingTalk.Failure.DONE_BUT_HTTP_500);

        assertThatThrownBy(() -> sender.reconcile("t2")).isInstanceOf(DingTalkException.class)
                .satisfies(e -> assertThat(((DingTalkException) e).retryable()).isTrue());
        assertThat(table.rows.get("t2").actualState()).isEqualTo(TodoRow.CREATING);
        assertThat(table.rows.get("t2").lastError()).contains("HTTP 500");

        sender.reconcile("t2");

        assertThat(fake.todos()).hasSize(1);
        assertThat(fake.calls("todo.create")).isEqualTo(1);
        assertThat(table.rows.get("t2").actualState()).isEqualTo(TodoRow.OPEN);
        assertThat(table.rows.get("t2").dingtalkId()).isEqualTo(fake.todos().get(0).id());
    }

    @Test
    void shouldMarkTheTodoDoneAndDeleteAnotherAndCallNothingForOneNeverMade() {
        wish("t3", TodoRow.OPEN, 1, "dt1");
        wish("t4", TodoRow.OPEN, 1, "dt1");
        sender.reconcile("t3");
        sender.reconcile("t4");

        wish("t3", TodoRow.DONE, 2, "dt1");
        wish("t4", TodoRow.DELETED, 2, "dt1");
        wish("t5", TodoRow.DELETED, 2, "dt1");
        sender.reconcile("t3");
        sender.reconcile("t4");
        sender.reconcile("t5");

        assertThat(fake.todos()).singleElement().satisfies(t -> {
            assertThat(t.sourceId()).isEqualTo("t3");
            assertThat(t.done()).isTrue();
        });
        assertThat(table.rows.get("t4").actualState()).isEqualTo(TodoRow.DELETED);
        assertThat(table.rows.get("t5").actualState()).isEqualTo(TodoRow.DELETED);
        assertThat(fake.calls("todo.delete")).isEqualTo(1);
        assertThat(quota.usage().byApi()).containsEntry("todo.create", 2L).containsEntry("todo.update", 1L)
                .containsEntry("todo.delete", 1L);
    }

    @Test
    void shouldTakeATodoDeletedAtDingTalkAsNothingLeftToMarkDone() {
        wish("t9", TodoRow.OPEN, 1, "dt1");
        sender.reconcile("t9");
        fake.reset();

        wish("t9", TodoRow.DONE, 2, "dt1");
        sender.reconcile("t9");

        assertThat(table.rows.get("t9").actualState()).isEqualTo(TodoRow.DONE);
        assertThat(fake.todos()).isEmpty();
    }

    @Test
    void shouldSkipPeopleDingTalkDoesNotKnowAndRefuseATodoForNobody() {
        fake.removeUser("dt-left");
        wish("t6", TodoRow.OPEN, 1, "dt-left,dt1");
        sender.reconcile("t6");
        assertThat(fake.todos().get(0).executorIds()).containsExactly(FakeDingTalk.unionIdOf("dt1"));

        wish("t7", TodoRow.OPEN, 1, "dt-left");
        assertThatThrownBy(() -> sender.reconcile("t7")).isInstanceOf(DingTalkException.class)
                .satisfies(e -> assertThat(((DingTalkException) e).retryable()).isFalse());
    }

    @Test
    void shouldWaitWhileTheMonthsQuotaIsUsedUpAndSaySoOnTheTodo() {
        wish("t8", TodoRow.OPEN, 1, "dt1");
        OutboxMessage row = new OutboxMessage(8, "todo:t8:1", "todo:t8", OutboxMessage.TODO, "t8", "钉钉待办", null,
                "TODO", null, "待办", "待办：dt1", null, null, OutboxMessage.SENDING, 0, NOW, null, null, NOW, null);

        assertThat(sender.waitsForQuota()).isTrue();
        assertThat(sender.quotaUsedUp(List.of(row))).contains("额度已用完");
        assertThat(fake.todos()).isEmpty();
        assertThat(table.rows.get("t8").lastError()).contains("额度已用完");
    }

    /** dingtalk_todo and dingtalk_union_id in memory, with the mapper's rules. */
    static final class MemoryTodos implements TodoMapper {
        final Map<String, TodoRow> rows = new HashMap<>();
        final Map<String, String> unionIds = new HashMap<>();

        @Override
        public TodoRow find(String taskId) {
            return rows.get(taskId);
        }

        @Override
        public List<TodoRow> ofProblem(long problemId) {
            return rows.values().stream().filter(r -> r.problemId() != null && r.problemId() == problemId).toList();
        }

        @Override
        public int insert(TodoRow row) {
            rows.put(row.taskId(), row);
            return 1;
        }

        @Override
        public int updateWish(TodoRow row) {
            rows.put(row.taskId(), row);
            return 1;
        }

        @Override
        public int markActual(String taskId, int version, String actual, String dingtalkId, String creator,
                Instant at) {
            TodoRow r = rows.get(taskId);
            boolean current = r.version() == version;
            rows.put(taskId, new TodoRow(r.taskId(), r.taskKey(), r.problemId(), r.level(), r.subject(),
                    r.description(), r.dueAt(), r.detailPath(), r.executors(), r.desiredState(),
                    current ? actual : r.actualState(), current ? version : r.syncedVersion(),
                    dingtalkId != null ? dingtalkId : r.dingtalkId(), creator != null ? creator : r.creatorUnionId(),
                    null, r.version(), r.createdAt(), at));
            return 1;
        }

        @Override
        public int markCreating(String taskId, Instant at) {
            TodoRow r = rows.get(taskId);
            if (!TodoRow.NONE.equals(r.actualState())) {
                return 0;
            }
            rows.put(taskId, new TodoRow(r.taskId(), r.taskKey(), r.problemId(), r.level(), r.subject(),
                    r.description(), r.dueAt(), r.detailPath(), r.executors(), r.desiredState(), TodoRow.CREATING,
                    r.syncedVersion(), r.dingtalkId(), r.creatorUnionId(), r.lastError(), r.version(), r.createdAt(),
                    at));
            return 1;
        }

        @Override
        public int markError(String taskId, String error, Instant at) {
            TodoRow r = rows.get(taskId);
            rows.put(taskId, new TodoRow(r.taskId(), r.taskKey(), r.problemId(), r.level(), r.subject(),
                    r.description(), r.dueAt(), r.detailPath(), r.executors(), r.desiredState(), r.actualState(),
                    r.syncedVersion(), r.dingtalkId(), r.creatorUnionId(), error, r.version(), r.createdAt(), at));
            return 1;
        }

        @Override
        public String unionId(String userId) {
            return unionIds.get(userId);
        }

        @Override
        public int insertUnionId(String userId, String unionId, Instant at) {
            unionIds.put(userId, unionId);
            return 1;
        }
    }
}
