package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.notification.Notifications;
import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * DingTalk through the outbox: who gets what on the way from blue to red, each message once;
 * DingTalk failing and recovering; a robot kept under 20 messages a minute. The tests drive
 * the dispatcher and move the clock; the fake DingTalk server reads the same clock.
 */
class NotificationIT extends ItSupport {

    private static final String PASSWORD = "notify-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    Notifications notifications;

    private String station;
    private final Map<String, String> people = new HashMap<>();
    private String legal;

    @BeforeEach
    void aStationAndTheBureausLeaders() {
        dingtalk.recover();
        // working hours of tomorrow: no quiet hours in the way
        clock.setNow(ZonedDateTime.now(CHINA).plusDays(1).with(LocalTime.of(10, 0)).toInstant());
        // what other test classes left in the outbox is set aside: a round takes the oldest
        // batch-size rows, and this test's rows must be in the round it counts on
        setAsideUnsentMessages();
        String u = unique();
        station = "NS" + u;
        String legalUnit = "NL" + u;
        fx.unit(station, "通知测试派出所" + u, "STATION");
        fx.unit(legalUnit, "通知测试法制大队" + u, "LEGAL");
        for (String role : List.of("UNIT_HEAD", "OFFICER")) {
            people.put(role, fx.officerOnDingTalk(role.charAt(0) + u, station, role));
        }
        for (String role : List.of("LEGAL_CAPTAIN", "DEPUTY_LEADER", "DISCIPLINE_INSPECTOR", "CHIEF", "COMMITTEE")) {
            people.put(role, fx.officerOnDingTalk(role.substring(0, 2) + u, legalUnit, role));
        }
        legal = fx.officerOnDingTalk("LO" + u, legalUnit, "LEGAL_OFFICER");
    }

    @AfterEach
    void backToNow() {
        dingtalk.recover();
        drain();
        clock.reset();
    }

    private long register(String title) {
        return fx.register(legal, Fixtures.problem("HOTLINE_12345", station, people.get("OFFICER"), title,
                "群众反映的问题")).path("id").asLong();
    }

    private JsonNode problem(long id) {
        return fx.problem(legal, id);
    }

    private JsonNode await(long id, Predicate<JsonNode> condition) {
        JsonNode problem = fx.awaitProblem(legal, id, condition);
        assertThat(condition.test(problem)).as("problem %s reached the expected state: %s", id, problem).isTrue();
        return problem;
    }


    private void moveTo(ZonedDateTime when) {
        clock.setNow(when.toInstant());
    }

    /** What a person received about one problem (bureau-wide roles hear of every problem). */
    private List<String> titles(String role, String problemTitle) {
        return dingtalk.inbox("dt" + people.get(role)).stream().map(FakeDingTalk.Received::title)
                .filter(t -> t.endsWith("：" + problemTitle)).toList();
    }

    private static ZonedDateTime tenOClock(OffsetDateTime day, int plusDays) {
        return day.atZoneSameInstant(CHINA).plusDays(plusDays).with(LocalTime.of(10, 0));
    }

    @Test
    void shouldDeliverTheWholeEscalationMatrixEachMessageOnce() {
        String title = "取保候审期满未解除" + unique();
        long id = register(title);
        JsonNode task = fx.tasks(people.get("UNIT_HEAD"), id).get(0);
        assertThat(fx.as(people.get("UNIT_HEAD")).postJson("/engine-rest/task/" + task.path("id").asText()
                + "/complete", Map.of()).status()).isEqualTo(204);
        drain();

        // the reminder before the deadline (blue: 48 hours ahead), in working hours
        OffsetDateTime blueDeadline = OffsetDateTime.parse(problem(id).path("deadline").asText());
        moveTo(blueDeadline.atZoneSameInstant(CHINA).minusHours(38));
        await(id, p -> kinds(p).contains("REMINDER"));
        drain();

        // past the grace period: urged, supervised, yellow
        moveTo(tenOClock(blueDeadline, 12));
        JsonNode yellow = await(id, p -> "YELLOW".equals(p.path("level").asText()));
        drain();

        // yellow not rectified either: urged, supervised, red
        moveTo(tenOClock(OffsetDateTime.parse(yellow.path("deadline").asText()), 12));
        await(id, p -> "RED".equals(p.path("level").asText()));
        // by then the yellow level's talk is past its due date too (超期提醒)
        await(id, p -> kinds(p).contains("OVERDUE"));
        // and the deputy leader's 督办批示 of the first 督办 (yellow: 12 hours) is past its due time:
        // the chief is told (its level is whichever the problem has when the timer fires)
        await(id, p -> p.path("timeline").toString().contains("督办批示逾期未办理"));
        drain();

        String blue = "【蓝色预警】";
        String ylw = "【黄色预警】";
        String red = "【红色预警】";
        List<String> unit = List.of(blue + "预警通知：" + title, blue + "到期提醒：" + title, blue + "催办：" + title,
                blue + "督办：" + title, ylw + "预警通知：" + title, ylw + "催办：" + title, ylw + "督办：" + title,
                red + "预警通知：" + title);
        assertThat(titles("UNIT_HEAD", title)).containsExactlyInAnyOrderElementsOf(unit);
        assertThat(titles("OFFICER", title)).containsExactlyInAnyOrderElementsOf(unit);
        assertThat(titles("LEGAL_CAPTAIN", title)).containsExactlyInAnyOrder(blue + "催办：" + title, blue + "督办：" + title,
                ylw + "催办：" + title, ylw + "督办：" + title);
        // the yellow level's discipline talk (纪委督察谈话提醒) is past its due date by now: the deputy
        // leader and the committee are told
        assertThat(titles("DEPUTY_LEADER", title)).containsExactlyInAnyOrder(blue + "督办：" + title, ylw + "督办：" + title,
                ylw + "谈话约谈超期：" + title);
        assertThat(titles("DISCIPLINE_INSPECTOR", title)).containsExactlyInAnyOrder(ylw + "预警通知：" + title,
                red + "预警通知：" + title);
        assertThat(titles("CHIEF", title)).filteredOn(t -> !t.endsWith("督办批示超期：" + title))
                .containsExactly(red + "预警通知：" + title);
        assertThat(titles("CHIEF", title)).filteredOn(t -> t.endsWith("督办批示超期：" + title)).hasSize(1);
        assertThat(titles("COMMITTEE", title)).containsExactlyInAnyOrder(ylw + "谈话约谈超期：" + title,
                red + "预警通知：" + title);
        FakeDingTalk.Received order = dingtalk.inbox("dt" + people.get("CHIEF")).stream()
                .filter(r -> r.title().endsWith(title)).findFirst().orElseThrow();
        assertThat(order.text()).contains("执法问题督办单", "通知测试派出所", "民警" + people.get("OFFICER"), "整改期限");
        // this problem's messages only: the clock this test moves by days also lets other tests'
        // leftover problems' follow-ups fall due, and a send lease of theirs outrun by the jump
        assertThat(dingtalk.dropped()).filteredOn(r -> r.title().endsWith(title))
                .as("every message differs from the ones before it").isEmpty();
        assertThat(kinds(problem(id))).contains("MESSAGE");
        assertThat(fx.as(legal).get("/api/notifications?status=FAILED&problemId=" + id).json()).isEmpty();
    }

    @Test
    void shouldRetryWithBackoffUntilDingTalkRecoversAndRetryAFailedMessageByHand() {
        dingtalk.failAlways(FakeDingTalk.Failure.HTTP_500);
        long id = register("行政处罚决定书未送达" + unique());
        // MySQL/MariaDB keep whole seconds (sendFractionalSeconds=false): compare from the whole second
        Instant start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        dispatcher.dispatchOnce();
        assertThat(outbox(id, "PENDING")).as("unit head and officer, both retried later").hasSize(2);
        JsonNode pending = outbox(id, "PENDING").get(0);
        assertThat(pending.path("attempts").asInt()).isEqualTo(1);
        assertThat(Duration.between(start, Instant.parse(pending.path("nextAttemptAt").asText())))
                .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(15));
        dispatcher.dispatchOnce();
        assertThat(outbox(id, "PENDING").get(0).path("attempts").asInt()).as("nothing is due before the backoff")
                .isEqualTo(1);

        Instant second = Instant.parse(pending.path("nextAttemptAt").asText());
        clock.setNow(second);
        dispatcher.dispatchOnce();
        pending = outbox(id, "PENDING").get(0);
        assertThat(pending.path("attempts").asInt()).isEqualTo(2);
        assertThat(Duration.between(second, Instant.parse(pending.path("nextAttemptAt").asText())))
                .as("backoff doubles (whole seconds on MariaDB)").isBetween(Duration.ofSeconds(19), Duration.ofSeconds(25));

        dingtalk.recover();
        clock.setNow(Instant.parse(pending.path("nextAttemptAt").asText()));
        drain();
        assertThat(outbox(id, "SENT")).hasSize(2);
        assertThat(dingtalk.inbox("dt" + people.get("UNIT_HEAD"))).hasSize(1);
        assertThat(dingtalk.inbox("dt" + people.get("OFFICER"))).hasSize(1);

        // DingTalk stays busy: the message ends FAILED after the last attempt
        dingtalk.failAlways(FakeDingTalk.Failure.BUSY);
        Http.Response urged = fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of("comment", "请速办"));
        assertThat(urged.status()).isEqualTo(200);
        for (int i = 0; i < 12 && outbox(id, "FAILED").isEmpty(); i++) {
            dispatcher.dispatchOnce();
            clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        }
        // this bureau's own people: legal brigade captains that other test classes left with DingTalk ids
        // are the bureau's too and get the urging as well
        java.util.Set<String> own = new java.util.HashSet<>();
        people.values().forEach(no -> own.add("dt" + no));
        JsonNode failed = messages(fx.as(legal).get("/api/notifications?status=FAILED&problemId=" + id).json());
        List<JsonNode> ownFailed = new java.util.ArrayList<>();
        failed.forEach(n -> {
            if (own.contains(n.path("recipient").asText())) {
                ownFailed.add(n);
            }
        });
        assertThat(ownFailed).as("unit head, officer, legal brigade captain").hasSize(3);
        assertThat(failed.get(0).path("attempts").asInt()).isEqualTo(8);
        assertThat(failed.get(0).path("lastError").asText()).contains("-1");

        dingtalk.recover();
        for (JsonNode message : failed) {
            Http.Response retried = fx.as(legal).postJson("/api/notifications/" + message.path("id").asText()
                    + "/retry", Map.of());
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().path("status").asText()).isEqualTo("PENDING");
        }
        drain();
        assertThat(outbox(id, "FAILED")).isEmpty();
        assertThat(dingtalk.inbox("dt" + people.get("UNIT_HEAD"))).hasSize(2);
        assertThat(fx.as(people.get("OFFICER")).postJson("/api/notifications/1/retry", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void shouldKeepTheBureauRobotUnderTwentyMessagesInAnyMinute() {
        String run = unique();
        dingtalk.reset();
        for (int i = 0; i < 200; i++) {
            notifications.robot("bureau", run + "-" + i, "监督日报第" + i + "条", "**监督日报** 第" + i + "条 " + run, List.of());
        }
        for (int round = 0; round < 600 && dingtalk.robotMessages("bureau").size() < 200; round++) {
            dispatcher.dispatchOnce();
            clock.setNow(clock.instant().plusSeconds(2));
        }
        List<Instant> times = new ArrayList<>(dingtalk.robotMessages("bureau").stream()
                .map(FakeDingTalk.Received::at).sorted().toList());
        assertThat(times).hasSize(200);
        for (int i = 0; i < times.size(); i++) {
            Instant end = times.get(i);
            long inWindow = times.stream().filter(t -> t.isAfter(end.minusSeconds(60)) && !t.isAfter(end)).count();
            assertThat(inWindow).as("messages in the minute up to %s", end).isLessThanOrEqualTo(20);
        }
        assertThat(Duration.between(times.get(0), times.get(199))).isGreaterThan(Duration.ofMinutes(9));
    }

    /** The problem's messages in the outbox, cards left out (the 签收 card and its updates: DingTalkCardIT). */
    private JsonNode outbox(long problemId, String status) {
        Http.Response response = fx.as(legal).get("/api/notifications?status=" + status + "&problemId=" + problemId);
        assertThat(response.status()).isEqualTo(200);
        return messages(response.json());
    }

    /** The messages among outbox rows: the tasks' DingTalk to-dos (channel TODO) have DingTalkTodoIT. */
    private JsonNode messages(JsonNode rows) {
        com.fasterxml.jackson.databind.node.ArrayNode messages = json.createArrayNode();
        rows.forEach(row -> {
            if (!"TODO".equals(row.path("channel").asText()) && !row.path("channel").asText().startsWith("CARD")) {
                messages.add(row);
            }
        });
        return messages;
    }

    private static List<String> kinds(JsonNode problem) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false).map(e -> e.path("kind").asText())
                .toList();
    }
}
