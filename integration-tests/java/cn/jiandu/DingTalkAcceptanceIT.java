package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.fakedingtalk.FakeCards;
import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.notification.CardActionWorker;
import cn.jiandu.report.MorningDigest;
import cn.jiandu.time.Times;

/**
 * Issue 19's acceptance in one walk against the fake DingTalk, through the real joins: a blue
 * problem's 签收 to-do (the task id as sourceId) and card for the unit head; another unit's head
 * refused on the card, the head's press (sent twice) signing once and marking the to-do done; at
 * 督办 the deputy leader's 督办批示 card, whose 批示 with its text reaches the unit head's DingTalk,
 * the problem (instructions) and its page; the overdue problem in the 8 o'clock digest of each
 * role, each once; red: the unread followed up after ding-after, and a second 督办's card answered
 * with 已阅 only; the bureau robot's message signed and taken with the clock a year ahead. The
 * details of each part are their own ITs' (DingTalkTodoIT, DingTalkCardIT, SuperviseInstructionIT,
 * DingTalkFollowUpIT, DingTalkDigestIT, DingTalkIT): here the joins.
 */
class DingTalkAcceptanceIT extends ItSupport {

    private static final String PASSWORD = "acceptance-pass-1";
    private static final String INSTRUCTION = "Task_SuperviseInstruction";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    CardActionWorker worker;
    @Autowired
    MorningDigest digest;
    @Autowired
    WorkCalendar calendar;

    @AfterEach
    void backToNow() {
        dingtalk.recover();
        ReportIT.sendEverythingQueued(dispatcher, clock);
    }

    /** The card presses handled (as the worker does every second), then their effects sent. */
    private void handlePresses() {
        for (int i = 0; i < 10 && worker.runOnce() > 0; i++) {
            // until no press is left
        }
        drain();
    }

    private JsonNode await(String user, long id, Predicate<JsonNode> condition) {
        JsonNode problem = fx.awaitProblem(user, id, condition);
        assertThat(condition.test(problem)).as("problem %s reached the expected state: %s", id, problem).isTrue();
        return problem;
    }

    private static List<JsonNode> timeline(JsonNode problem, String kind) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).toList();
    }

    private List<FakeDingTalk.Todo> todos(String officerNo, String sourceId) {
        return dingtalk.todos(FakeDingTalk.unionIdOf("dt" + officerNo)).stream()
                .filter(t -> sourceId.equals(t.sourceId())).toList();
    }

    private List<FakeDingTalk.Received> received(String officerNo, String title) {
        return dingtalk.inbox("dt" + officerNo).stream().filter(r -> r.title().endsWith("：" + title)).toList();
    }

    private static String cardOf(String taskId, String officerNo) {
        return "jd-" + taskId + "-dt" + officerNo;
    }

    private List<String> digests(LocalDate day, String officerNo) {
        return jdbc.queryForList("SELECT body FROM notification_outbox WHERE idem_key = ?", String.class,
                "digest:" + day + ":dt" + officerNo);
    }

    /** The first moment from {@code from} on at which the 8 o'clock digest is due: a working day, 08:00 or later. */
    private ZonedDateTime digestTimeFrom(ZonedDateTime from) {
        ZonedDateTime at = from;
        if (!calendar.isWorkingDay(at.toLocalDate()) || at.toLocalTime().isBefore(LocalTime.of(8, 0))) {
            LocalDate day = at.toLocalTime().isBefore(LocalTime.of(8, 0)) ? at.toLocalDate() : at.toLocalDate().plusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            at = day.atTime(8, 0).atZone(Times.CHINA);
        }
        return at;
    }

    @Test
    void shouldLetLeadersAndOfficersActFromDingTalkEndToEnd() {
        // a bureau of its own, weeks before every stored problem: the digest's day and lists are this test's
        LocalDate monday = mondayBeforeEveryProblem(jdbc).minusWeeks(8);
        clock.setNow(monday.atTime(10, 0).atZone(Times.CHINA).toInstant());
        setAsideUnsentMessages();
        String u = unique();
        String legalUnit = fx.unit("AL" + u, "验收法制大队" + u, "LEGAL");
        String deputy = fx.officer("AD" + u, "副局长" + u, legalUnit, "DEPUTY_LEADER", true);
        String chief = fx.officerOnDingTalk("AC" + u, legalUnit, "CHIEF");
        String captain = fx.officerOnDingTalk("AK" + u, legalUnit, "LEGAL_CAPTAIN");
        String legal = fx.officerOnDingTalk("AG" + u, legalUnit, "LEGAL_OFFICER");
        String station = "AS" + u;
        Fixtures.created(admin().postJson("/api/org/units", Map.of("code", station, "name", "验收派出所" + u, "kind",
                "STATION", "leaderOfficerNo", deputy)));
        String otherStation = fx.unit("AO" + u, "验收邻所" + u, "STATION");
        String head = fx.officerOnDingTalk("AH" + u, station, "UNIT_HEAD");
        String officer = fx.officerOnDingTalk("AP" + u, station, "OFFICER");
        String otherHead = fx.officerOnDingTalk("AX" + u, otherStation, "UNIT_HEAD");

        // ---- a blue problem: the unit head's 签收 to-do (sourceId = the task id) and his 签收 card
        String title = "验收问题" + u;
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映的问题"))
                .path("id").asLong();
        drain();
        assertThat(fx.problem(legal, id).path("level").asText()).isEqualTo("BLUE");
        String sign = fx.taskId(head, id, "Task_Sign");
        assertThat(todos(head, sign)).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("【蓝色预警】签收：" + title);
            assertThat(t.executorIds()).containsExactly(FakeDingTalk.unionIdOf("dt" + head));
            assertThat(t.done()).isFalse();
        });
        String signCard = cardOf(sign, head);
        assertThat(dingtalk.cards().card(signCard)).as("the head's 签收 card").isNotNull();
        assertThat(dingtalk.cards().card(signCard).params()).containsEntry("status", "待签收");

        // another unit's head presses 签收 on it: refused, the card tells him (him only), nothing changes
        assertThat(dingtalk.cards().press(signCard, "dt" + otherHead, "sign", Map.of())).isEqualTo(200);
        handlePresses();
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isOne();
        assertThat(dingtalk.cards().card(signCard).seenBy("dt" + otherHead, "status")).isEqualTo("您无权办理此任务（非本单位）");
        assertThat(dingtalk.cards().card(signCard).seenBy("dt" + head, "status")).isEqualTo("待签收");
        assertThat(todos(head, sign)).singleElement().satisfies(t -> assertThat(t.done()).isFalse());

        // the head presses 签收 and DingTalk repeats the callback: the real task completed once, by him
        assertThat(dingtalk.cards().press(signCard, "dt" + head, "sign", Map.of())).isEqualTo(200);
        assertThat(dingtalk.cards().press(signCard, "dt" + head, "sign", Map.of())).isEqualTo(200);
        handlePresses();
        assertThat(tasks.createTaskQuery().taskId(sign).count()).isZero();
        JsonNode signed = fx.problem(legal, id);
        assertThat(timeline(signed, "SIGNED")).singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).contains(head));
        assertThat(dingtalk.cards().card(signCard).params().get("status")).startsWith("已由 民警" + head + " 于 ")
                .endsWith(" 签收");
        // his 签收 to-do is done; the 整改 to-do is there
        assertThat(todos(head, sign)).singleElement().satisfies(t -> assertThat(t.done()).isTrue());
        String rectify = fx.taskId(head, id, "Task_Rectify");
        assertThat(todos(officer, rectify)).singleElement().satisfies(t -> assertThat(t.done()).isFalse());
        // the same callback later: nothing more
        assertThat(dingtalk.cards().press(signCard, "dt" + head, "sign", Map.of())).isEqualTo(200);
        assertThat(worker.runOnce()).isZero();
        assertThat(timeline(fx.problem(legal, id), "SIGNED")).hasSize(1);

        // ---- 督办 (blue past its grace period: yellow): the deputy leader's 督办批示 card and to-do
        OffsetDateTime blueDeadline = OffsetDateTime.parse(signed.path("deadline").asText());
        clock.setNow(blueDeadline.atZoneSameInstant(Times.CHINA).plusDays(12).with(LocalTime.of(10, 0)).toInstant());
        JsonNode yellow = await(legal, id, p -> "YELLOW".equals(p.path("level").asText())
                && !timeline(p, "SUPERVISE").isEmpty() && instructionTask(id) != null);
        drain();
        String firstInstruction = instructionTask(id);
        String instructCard = cardOf(firstInstruction, deputy);
        FakeCards.Card card = dingtalk.cards().card(instructCard);
        assertThat(card).as("the deputy leader's 督办批示 card").isNotNull();
        assertThat(card.templateId()).isEqualTo("it-instruction-card.schema");
        assertThat(card.params()).containsEntry("status", "待批示").containsEntry("level", "黄色");
        assertThat(card.params().get("title")).isEqualTo("【黄色预警】督办批示：" + title);
        assertThat(todos(deputy, firstInstruction)).singleElement().satisfies(t -> assertThat(t.done()).isFalse());
        assertThat(dingtalk.cards().cards("dt" + head)).noneMatch(c -> c.outTrackId().contains(firstInstruction));

        // 批示 with its text from the card: the task completed as the deputy leader
        String text = "责成该所三日内完成整改，所长亲自督办" + u;
        assertThat(dingtalk.cards().press(instructCard, "dt" + deputy, "instruct", Map.of("instruction", text)))
                .isEqualTo(200);
        handlePresses();
        assertThat(tasks.createTaskQuery().taskId(firstInstruction).count()).isZero();
        JsonNode instructed = fx.problem(legal, id);
        assertThat(instructed.path("instructions")).singleElement().satisfies(i -> {
            assertThat(i.path("kind").asText()).isEqualTo("批示");
            assertThat(i.path("text").asText()).isEqualTo(text);
            assertThat(i.path("officerNo").asText()).isEqualTo(deputy);
        });
        assertThat(fx.as(head).get("/api/problems/" + id).json().path("instructions").get(0).path("text").asText())
                .isEqualTo(text);
        assertThat(received(head, title)).filteredOn(r -> r.title().contains("领导批示")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains(text));
        assertThat(fx.as(head).get("/problems/" + id).body()).contains("领导批示", text);
        assertThat(dingtalk.cards().card(instructCard).params().get("status"))
                .startsWith("已由 副局长" + u + " 于 ").endsWith(" 批示");
        assertThat(todos(deputy, firstInstruction)).singleElement().satisfies(t -> assertThat(t.done()).isTrue());

        // ---- the yellow deadline passed (within its grace): the 8 o'clock digest, each role its own, once
        OffsetDateTime yellowDeadline = OffsetDateTime.parse(yellow.path("deadline").asText());
        ZonedDateTime digestAt = digestTimeFrom(yellowDeadline.atZoneSameInstant(Times.CHINA).plusMinutes(1));
        clock.setNow(digestAt.toInstant());
        assertThat(fx.problem(legal, id).path("level").asText()).as("still in the yellow's grace").isEqualTo("YELLOW");
        assertThat(digest.run()).isPositive();
        assertThat(digest.run()).isZero();
        LocalDate day = digestAt.toLocalDate();
        assertThat(digests(day, chief)).singleElement().asString().contains("全局概况", "超期未整改：1个");
        assertThat(digests(day, deputy)).singleElement().asString().contains("分管单位预警", "【黄色】", title);
        assertThat(digests(day, captain)).singleElement().asString().contains("超期未整改（1个）", title);
        assertThat(digests(day, head)).singleElement().asString().contains("已超期1个", title)
                .doesNotContain("全局概况", "分管单位预警");
        assertThat(digests(day, otherHead)).as("nothing to read, no digest").isEmpty();
        assertThat(digests(day, officer)).isEmpty();
        clock.setNow(digestAt.with(LocalTime.of(10, 0)).toInstant());
        drain();
        String digestTitle = "【每日推送】" + day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth()
                + "日执法监督早报";
        for (String person : List.of(chief, deputy, captain, head)) {
            assertThat(dingtalk.inbox("dt" + person)).extracting(FakeDingTalk.Received::title).as(person)
                    .containsOnlyOnce(digestTitle);
        }

        // ---- red (yellow past its grace): the unread red followed up after ding-after
        clock.setNow(yellowDeadline.atZoneSameInstant(Times.CHINA).plusDays(12).with(LocalTime.of(10, 0)).toInstant());
        await(legal, id, p -> "RED".equals(p.path("level").asText()) && instructionTask(id) != null);
        drain();
        assertThat(received(officer, title)).anyMatch(r -> r.title().startsWith("【红色预警】"));
        dingtalk.markAllRead("dt" + head);
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        assertThat(received(officer, title)).anyMatch(r -> r.title().startsWith("【紧急】【红色预警】"));
        assertThat(received(head, title)).noneMatch(r -> r.title().startsWith("【紧急】"));

        // the second 督办's card: 已阅 records 已阅 only
        String secondInstruction = instructionTask(id);
        assertThat(secondInstruction).isNotEqualTo(firstInstruction);
        String readCard = cardOf(secondInstruction, deputy);
        assertThat(dingtalk.cards().card(readCard).params()).containsEntry("level", "红色");
        assertThat(dingtalk.cards().press(readCard, "dt" + deputy, "read", Map.of())).isEqualTo(200);
        handlePresses();
        JsonNode read = fx.problem(legal, id);
        assertThat(read.path("instructions")).hasSize(2);
        assertThat(read.path("instructions").get(1).path("kind").asText()).isEqualTo("已阅");
        assertThat(received(head, title)).filteredOn(r -> r.title().contains("领导批示")).hasSize(1);
        assertThat(dingtalk.cards().card(readCard).params().get("status")).startsWith("已由 副局长" + u + " 于 ")
                .endsWith(" 阅示");
        assertThat(todos(deputy, secondInstruction)).singleElement().satisfies(t -> assertThat(t.done()).isTrue());

        // ---- the clock a year ahead of the real time: the bureau robot's signature still taken
        JsonNode report = null;
        for (int tries = 0; tries < 5 && report == null; tries++) {
            Instant yearAhead = Instant.now().plus(Duration.ofDays(366 + ThreadLocalRandom.current().nextInt(300)));
            clock.setNow(yearAhead);
            Http.Response made = admin().postJson("/api/reports", Map.of("type", "DAILY", "date",
                    yearAhead.atZone(Times.CHINA).toLocalDate().minusDays(1).toString()));
            if (made.status() == 201) {
                report = made.json();
            }
        }
        assertThat(report).as("a daily report a year ahead").isNotNull();
        String link = "/api/reports/" + report.path("id").asLong();
        drain();
        assertThat(dingtalk.robotMessages("bureau")).as("the robot's message, signed with the real time")
                .anyMatch(m -> m.text().contains(link));
    }

    /** The problem's open 督办批示 task, or null. */
    private String instructionTask(long id) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(INSTRUCTION)
                .list().stream().findFirst().map(org.camunda.bpm.engine.task.Task::getId).orElse(null);
    }
}
