package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * 督办批示 (Task_SuperviseInstruction): at 督办 the deputy leader gets a task of his own; his
 * 批示 reaches the unit (DingTalk), the timeline, the problem (GET /api/problems/{id}) and the
 * 督办单 issued after it; 已阅 only the timeline; nobody else may take or complete it; not
 * acted on by its due time, the chief is told. The unit's clock never moves for it. Screenshot of
 * the problem page's 领导批示: docs/screens/problem-instruction.png.
 */
class SuperviseInstructionIT extends ItSupport {

    private static final String PASSWORD = "instruct-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String TASK = "Task_SuperviseInstruction";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    private final Map<String, String> people = new HashMap<>();
    private String station;
    private String legal;

    @BeforeEach
    void aStationAndTheBureausLeaders() {
        dingtalk.recover();
        clock.setNow(ZonedDateTime.now(CHINA).plusDays(1).with(LocalTime.of(10, 0)).toInstant());
        drain();
        String u = unique();
        station = "IS" + u;
        String legalUnit = "IL" + u;
        fx.unit(station, "批示测试派出所" + u, "STATION");
        fx.unit(legalUnit, "批示测试法制大队" + u, "LEGAL");
        for (String role : List.of("UNIT_HEAD", "OFFICER")) {
            people.put(role, fx.officerOnDingTalk(role.charAt(0) + u, station, role));
        }
        for (String role : List.of("DEPUTY_LEADER", "CHIEF")) {
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


    private JsonNode await(long id, Predicate<JsonNode> condition) {
        JsonNode problem = fx.awaitProblem(legal, id, condition);
        assertThat(condition.test(problem)).as("problem %s reached the expected state: %s", id, problem).isTrue();
        return problem;
    }

    private static List<String> kinds(JsonNode problem) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false).map(e -> e.path("kind").asText())
                .toList();
    }

    private static List<String> details(JsonNode problem, String kind) {
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).map(e -> e.path("detail").asText()).toList();
    }

    private List<String> titles(String role, String problemTitle) {
        return inbox(role, problemTitle).stream().map(FakeDingTalk.Received::title).toList();
    }

    private List<FakeDingTalk.Received> inbox(String role, String problemTitle) {
        return dingtalk.inbox("dt" + people.get(role)).stream().filter(r -> r.title().endsWith("：" + problemTitle))
                .toList();
    }

    /** The problem's open 督办批示 as {@code user} sees them through engine REST. */
    private List<JsonNode> instructionTasks(String user, long id) {
        return StreamSupport.stream(fx.tasks(user, id).spliterator(), false)
                .filter(t -> TASK.equals(t.path("taskDefinitionKey").asText())).toList();
    }

    private static ZonedDateTime tenOClock(OffsetDateTime day, int plusDays) {
        return day.atZoneSameInstant(CHINA).plusDays(plusDays).with(LocalTime.of(10, 0));
    }

    /** Registered, signed by the unit head, then left past the blue grace period: 督办, yellow. */
    private JsonNode supervised(String title) {
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, people.get("OFFICER"), title,
                "群众反映的问题")).path("id").asLong();
        fx.complete(people.get("UNIT_HEAD"), id, "Task_Sign", Map.of("signComment", "已签收"));
        drain();
        OffsetDateTime blueDeadline = OffsetDateTime.parse(fx.problem(legal, id).path("deadline").asText());
        clock.setNow(tenOClock(blueDeadline, 12).toInstant());
        await(id, p -> "YELLOW".equals(p.path("level").asText()) && kinds(p).contains("SUPERVISE"));
        return await(id, p -> details(p, "TASK_CREATED").stream().anyMatch(d -> d.contains("督办批示")));
    }

    @Test
    void shouldCarryTheDeputyLeadersInstructionToTheUnitTheProblemAndTheNextSupervisionOrder() {
        String title = "刑事案件未及时立案" + unique();
        JsonNode yellow = supervised(title);
        long id = yellow.path("id").asLong();
        String deadline = yellow.path("deadline").asText();
        String deputy = people.get("DEPUTY_LEADER");
        String head = people.get("UNIT_HEAD");

        List<JsonNode> mine = instructionTasks(deputy, id);
        assertThat(mine).hasSize(1);
        // opened as the level rises: named and due by the new level (yellow: 12 hours)
        assertThat(mine.get(0).path("name").asText()).isEqualTo("【黄色预警】督办批示：" + title);
        assertThat(mine.get(0).path("due").isNull()).isFalse();
        String task = mine.get(0).path("id").asText();

        // nobody but the deputy leader takes or completes it: the unit head, the legal officer
        Map<String, Object> body = Fixtures.variables("instructionKind", "批示", "instruction", "我来批");
        for (String other : List.of(head, legal)) {
            Http.Response r = fx.as(other).postJson("/engine-rest/task/" + task + "/complete", body);
            assertThat(r.status()).as("%s completes: %s", other, r.body()).isEqualTo(403);
            Http.Response claim = fx.as(other).postJson("/engine-rest/task/" + task + "/claim",
                    Map.of("userId", other));
            assertThat(claim.status()).as("%s claims: %s", other, claim.body()).isEqualTo(403);
        }
        Http.Response handed = fx.as(legal).postJson("/engine-rest/task/" + task + "/assignee", Map.of("userId", head));
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        // 批示 without its text, or a kind of its own: 400 naming the field, the task stays
        Http.Response empty = fx.as(deputy).postJson("/engine-rest/task/" + task + "/complete",
                Fixtures.variables("instructionKind", "批示", "instruction", "  "));
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.body()).contains("instruction");
        Http.Response odd = fx.as(deputy).postJson("/engine-rest/task/" + task + "/complete",
                Fixtures.variables("instructionKind", "同意"));
        assertThat(odd.status()).as(odd.body()).isEqualTo(400);
        assertThat(odd.body()).contains("instructionKind");
        Http.Response tooLong = fx.as(deputy).postJson("/engine-rest/task/" + task + "/complete",
                Fixtures.variables("instructionKind", "批示", "instruction", "批".repeat(2001)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();

        String text = "责成该所三日内完成立案审查，所长亲自督办";
        fx.completeTask(deputy, task, Map.of("instructionKind", "批示", "instruction", text));
        drain();

        JsonNode instructed = fx.problem(legal, id);
        assertThat(instructed.path("deadline").asText()).as("the unit's clock is its own").isEqualTo(deadline);
        assertThat(instructed.path("instructions")).hasSize(1);
        assertThat(instructed.path("instructions").get(0).path("kind").asText()).isEqualTo("批示");
        assertThat(instructed.path("instructions").get(0).path("text").asText()).isEqualTo(text);
        assertThat(instructed.path("instructions").get(0).path("officerNo").asText()).isEqualTo(deputy);
        assertThat(details(instructed, "INSTRUCTED")).singleElement().asString().contains("批示：" + text);
        // the unit head and the officer read it on DingTalk
        for (String role : List.of("UNIT_HEAD", "OFFICER")) {
            List<FakeDingTalk.Received> got = inbox(role, title).stream()
                    .filter(r -> r.title().contains("领导批示")).toList();
            assertThat(got).as("%s: %s", role, titles(role, title)).hasSize(1);
            assertThat(got.get(0).text()).contains(text);
        }
        assertThat(fx.as(head).get("/problems/" + id).body()).contains("领导批示", text);

        // yellow late too: 督办 again, red, and the 督办单 prints the 批示 before it
        clock.setNow(tenOClock(OffsetDateTime.parse(deadline), 12).toInstant());
        JsonNode red = await(id, p -> "RED".equals(p.path("level").asText())
                && StreamSupport.stream(p.path("documents").spliterator(), false)
                        .anyMatch(d -> "SUPERVISION_ORDER".equals(d.path("type").asText())));
        JsonNode order = StreamSupport.stream(red.path("documents").spliterator(), false)
                .filter(d -> "SUPERVISION_ORDER".equals(d.path("type").asText())).findFirst().orElseThrow();
        assertThat(admin().get(order.path("url").asText()).body()).contains("分管局领导批示：" + text);
        // a second instruction task for the second 督办: 已阅 sends the unit nothing
        await(id, p -> instructionTasks(deputy, id).size() == 1);
        String second = instructionTasks(deputy, id).get(0).path("id").asText();
        fx.completeTask(deputy, second, Map.of("instructionKind", "已阅"));
        drain();
        JsonNode read = fx.problem(legal, id);
        assertThat(read.path("instructions")).hasSize(2);
        assertThat(read.path("instructions").get(1).path("kind").asText()).isEqualTo("已阅");
        assertThat(details(read, "INSTRUCTED")).anyMatch(d -> d.endsWith("已阅"));
        assertThat(inbox("UNIT_HEAD", title).stream().filter(r -> r.title().contains("领导批示"))).hasSize(1);
    }

    /** The problem page's 领导批示 as the legal officer sees it (docs/screens/problem-instruction.png). */
    @Test
    void shouldShowTheInstructionOnTheProblemPage() throws Exception {
        Browsers.assumeInstalled();
        String title = "涉案财物未及时入库" + unique();
        long id = supervised(title).path("id").asLong();
        String deputy = people.get("DEPUTY_LEADER");
        String text = "责成该所三日内完成涉案财物入库登记，所长亲自督办，结果报法制大队";
        fx.completeTask(deputy, instructionTasks(deputy, id).get(0).path("id").asText(),
                Map.of("instructionKind", "批示", "instruction", text));
        drain();
        ChromeDriver browser = Browsers.openWithBasic(1280, 900, legal, PASSWORD);
        try {
            browser.get("http://localhost:" + port + "/problems/" + id + "#instructions");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.id("instructions")).isEmpty());
            String section = browser.findElement(By.id("instructions")).getText();
            assertThat(section).contains("领导批示", "分管局领导", text);
            browser.executeScript("document.getElementById('instructions').scrollIntoView();");
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("problem-instruction.png"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldTellTheChiefWhenTheDeputyLeaderDoesNotActInTime() {
        String title = "扣押物品未及时处置" + unique();
        JsonNode yellow = supervised(title);
        long id = yellow.path("id").asLong();
        String deadline = yellow.path("deadline").asText();
        String task = fx.taskId(people.get("DEPUTY_LEADER"), id, TASK);
        java.util.Date due = tasks.createTaskQuery().taskId(task).singleResult().getDueDate();

        clock.setNow(due.toInstant().plusSeconds(60));
        JsonNode told = await(id, p -> details(p, "OVERDUE").stream().anyMatch(d -> d.contains("督办批示")));
        // at night the message waits for the morning (quiet hours)
        clock.setNow(due.toInstant().atZone(CHINA).plusDays(1).with(LocalTime.of(9, 0)).toInstant());
        drain();
        assertThat(titles("CHIEF", title)).anyMatch(t -> t.endsWith("督办批示超期：" + title));
        assertThat(titles("UNIT_HEAD", title)).noneMatch(t -> t.contains("督办批示"));
        assertThat(told.path("deadline").asText()).as("the unit's clock is its own").isEqualTo(deadline);
        // still his to do
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
        fx.completeTask(people.get("DEPUTY_LEADER"), task, Map.of("instructionKind", "已阅"));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    }
}
