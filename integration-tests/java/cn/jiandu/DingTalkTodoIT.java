package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.notification.dingtalk.QuotaProperties;
import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * User tasks as DingTalk to-dos (钉钉待办) through the outbox, against the fake DingTalk: the
 * 签收 to-do of a blue problem for the unit head (his unionId, the task id as sourceId, the
 * 免登 link), done when he signs and the 整改 to-do made; deleted when the problem is voided;
 * made once when DingTalk's answer is lost or two rounds run at once; waiting while the
 * month's quota is used up, work notifications still sent. The IT profile syncs every task.
 */
class DingTalkTodoIT extends ItSupport {

    private static final String PASSWORD = "todo-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    PublicLinks links;
    @Autowired
    QuotaProperties quota;

    private String station;
    private String head;
    private String officer;
    private String legal;
    private String captain;

    @BeforeEach
    void aStation() {
        dingtalk.recover();
        // working hours of tomorrow: no quiet hours in the way
        clock.setNow(ZonedDateTime.now(Times.CHINA).plusDays(1).with(LocalTime.of(10, 0)).toInstant());
        setAsideUnsentMessages();
        String u = unique();
        station = "TS" + u;
        String legalUnit = "TL" + u;
        fx.unit(station, "待办测试派出所" + u, "STATION");
        fx.unit(legalUnit, "待办测试法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("TH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("TO" + u, station, "OFFICER");
        legal = fx.officer("TG" + u, legalUnit, "LEGAL_OFFICER");
        captain = fx.officer("TC" + u, legalUnit, "LEGAL_CAPTAIN");
    }

    @AfterEach
    void back() {
        dingtalk.recover();
        jdbc.update("DELETE FROM dingtalk_quota WHERE api = 'test.used-up'");
        drain();
        clock.reset();
    }


    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映的问题"))
                .path("id").asLong();
    }

    private List<FakeDingTalk.Todo> todosOf(String officerNo, String sourceId) {
        return dingtalk.todos(FakeDingTalk.unionIdOf("dt" + officerNo)).stream()
                .filter(t -> sourceId.equals(t.sourceId())).toList();
    }

    private long todosWithSource(String sourceId) {
        return dingtalk.todos().stream().filter(t -> sourceId.equals(t.sourceId())).count();
    }

    @Test
    void shouldGiveTheUnitHeadTheSignTodoOfABlueProblemAndMarkItDoneWhenHeSigns() {
        String title = "待办签收测试" + unique();
        long id = register(title);
        drain();
        String sign = fx.taskId(head, id, "Task_Sign");

        List<FakeDingTalk.Todo> todos = todosOf(head, sign);
        assertThat(todos).hasSize(1);
        FakeDingTalk.Todo todo = todos.get(0);
        assertThat(todo.subject()).isEqualTo("【蓝色预警】签收：" + title);
        assertThat(todo.done()).isFalse();
        assertThat(todo.creatorId()).isEqualTo(FakeDingTalk.unionIdOf("dt" + head));
        assertThat(todo.executorIds()).containsExactly(FakeDingTalk.unionIdOf("dt" + head));
        assertThat(todo.priority()).isEqualTo(20);
        assertThat(todo.dueTime()).isNotNull();
        String link = links.inDingTalk(PublicLinks.taskPath(sign));
        assertThat(todo.appUrl()).isEqualTo(link).startsWith("dingtalk://dingtalkclient/page/link?url=")
                .contains(URLEncoder.encode(URLEncoder.encode(PublicLinks.taskPath(sign), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
        assertThat(todo.pcUrl()).isEqualTo(link);
        assertThat(todo.description()).contains("待办测试派出所");
        assertThat(todosOf(officer, sign)).as("the officer does not sign").isEmpty();

        fx.complete(head, id, "Task_Sign", Map.of());
        drain();

        assertThat(todosOf(head, sign)).singleElement().satisfies(t -> assertThat(t.done()).isTrue());
        String rectify = fx.taskId(head, id, "Task_Rectify");
        assertThat(todosOf(officer, rectify)).as("整改 goes to the unit's people").singleElement()
                .satisfies(t -> assertThat(t.subject()).isEqualTo("【蓝色预警】整改：" + title));
        assertThat(todosOf(head, rectify)).hasSize(1);

        String inbox = admin().get("/api/demo/dingtalk/inbox?to=dt" + head).body();
        assertThat(inbox).contains("待办（", "【蓝色预警】签收：" + title, "已完成");
    }

    @Test
    void shouldDeleteTheOpenTodosOfAVoidedProblem() {
        long id = register("待办作废测试" + unique());
        drain();
        String sign = fx.taskId(head, id, "Task_Sign");
        assertThat(todosWithSource(sign)).isEqualTo(1);

        Http.Response voided = fx.as(captain).postJson("/api/problems/" + id + "/void", Map.of("reason", "重复登记"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        drain();

        assertThat(todosWithSource(sign)).isZero();
        assertThat(jdbc.queryForObject("SELECT actual_state FROM dingtalk_todo WHERE task_id = ?", String.class, sign))
                .isEqualTo("DELETED");
    }

    @Test
    void shouldMakeTheTodoOnceWhenDingTalkMadeItButItsAnswerWasLost() {
        dingtalk.failNextTodoCalls(1, FakeDingTalk.Failure.DONE_BUT_HTTP_500);
        long id = register("待办应答丢失测试" + unique());
        drain();
        String sign = fx.taskId(head, id, "Task_Sign");
        assertThat(todosWithSource(sign)).as("made, though the answer was HTTP 500").isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            clock.setNow(clock.instant().plus(Duration.ofMinutes(1)));
            drain();
        }

        assertThat(todosWithSource(sign)).isEqualTo(1);
        assertThat(dingtalk.createsOf(sign)).as("one create; the retry looked it up instead").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT actual_state FROM dingtalk_todo WHERE task_id = ?", String.class, sign))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT dingtalk_id FROM dingtalk_todo WHERE task_id = ?", String.class, sign))
                .isEqualTo(todosOf(head, sign).get(0).id());
    }

    @Test
    void shouldTryAThrottledTodoAgainInSecondsWithoutSpendingItsAttempts() {
        // DingTalk answers 429 (QpsOverLimit) more often than the eight attempts a row has
        dingtalk.failNextTodoCalls(10, FakeDingTalk.Failure.RATE_LIMITED);
        long id = register("待办限流测试" + unique());
        for (int i = 0; i < 12; i++) {
            drain();
            clock.setNow(clock.instant().plus(Duration.ofSeconds(4)));
        }
        drain();
        String sign = fx.taskId(head, id, "Task_Sign");
        assertThat(todosWithSource(sign)).as("made once DingTalk let it through").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM notification_outbox WHERE channel = 'TODO' AND problem_id = ?",
                String.class, id)).as("not FAILED after more refusals than attempts").containsOnly("SENT");
    }

    @Test
    void shouldMakeOneTodoWhenTwoRoundsRunAtOnce() throws Exception {
        long id = register("待办并发测试" + unique());
        // the 签收 task (and with it the to-do's outbox row) is made by the process's job
        String sign = fx.taskId(head, id, "Task_Sign");
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> round(together));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> round(together));
        one.get();
        two.get();
        drain();
        assertThat(todosWithSource(sign)).isEqualTo(1);
        assertThat(dingtalk.createsOf(sign)).isEqualTo(1);
    }

    private int round(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return dispatcher.dispatchOnce();
    }

    @Test
    void shouldHoldTodosButSendWorkNotificationsWhenTheMonthsQuotaIsUsedUp() {
        String month = YearMonth.from(clock.instant().atZone(Times.CHINA)).toString();
        jdbc.update("INSERT INTO dingtalk_quota (quota_month, api, calls) VALUES (?, 'test.used-up', ?)", month,
                quota.monthlyQuota());
        String title = "待办额度测试" + unique();
        long id = register(title);
        drain();
        String sign = fx.taskId(head, id, "Task_Sign");

        assertThat(todosWithSource(sign)).as("to-dos wait").isZero();
        assertThat(dingtalk.inbox("dt" + head)).as("work notifications go on")
                .anySatisfy(m -> assertThat(m.title()).endsWith(title));
        JsonNode pending = admin().get("/api/notifications?status=PENDING&problemId=" + id).json();
        assertThat(pending).anySatisfy(m -> {
            assertThat(m.path("channel").asText()).isEqualTo("TODO");
            assertThat(m.path("lastError").asText()).contains("额度已用完");
            assertThat(m.path("attempts").asInt()).isZero();
        });

        JsonNode usage = admin().get("/api/admin/dingtalk/quota").json();
        assertThat(usage.path("month").asText()).isEqualTo(month);
        assertThat(usage.path("quota").asLong()).isEqualTo(quota.monthlyQuota());
        assertThat(usage.path("calls").asLong()).isGreaterThanOrEqualTo(quota.monthlyQuota());
        assertThat(usage.path("ratio").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(usage.path("byApi").path("asyncsend_v2").asLong()).isPositive();
        assertThat(fx.as(head).get("/api/admin/dingtalk/quota").status()).isEqualTo(403);
        Http.Response adminsPage = admin().get("/problems/" + id);
        assertThat(adminsPage.status()).isEqualTo(200);
        assertThat(adminsPage.body()).contains("id=\"quota-banner\"", "钉钉接口本月已用 ", "/" + quota.monthlyQuota(),
                "钉钉待办和卡片已暂停同步，工作通知照常发送");
        assertThat(fx.as(head).get("/problems/" + id).body()).as("the banner is the administrator's")
                .doesNotContain("quota-banner");

        // the next month's quota, or a larger one: the to-do is made
        jdbc.update("DELETE FROM dingtalk_quota WHERE api = 'test.used-up'");
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        assertThat(todosWithSource(sign)).isEqualTo(1);
    }
}
