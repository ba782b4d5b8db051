package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Tasklist as each role meets it: only the filters that serve the role, task cards with
 * the level, the unit and the deadlines, the problem's number as the business key, the
 * problem page's link in every task form (never written by the client), and a registration
 * through the start form by names from lists, a tampered code refused beside its field in
 * Chinese and without an ERROR in the log.
 */
class TasklistRolesIT extends ItSupport {

    private static final String PASSWORD = "tasklist-roles-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    private String unit;
    private String unitName;
    private final Map<String, String> people = new LinkedHashMap<>();

    @BeforeEach
    void bureau() {
        String u = unique();
        unit = "TR" + u;
        unitName = "任务列表派出所" + u;
        fx.unit(unit, unitName, "STATION");
        String legalUnit = fx.unit("TL" + u, "法制大队", "LEGAL");
        String discipline = fx.unit("TD" + u, "纪委督察室", "DISCIPLINE");
        String bureau = fx.unit("TB" + u, "分局领导", "OTHER");
        people.put("OFFICER", fx.officer("TO" + u, unit, "OFFICER"));
        people.put("UNIT_HEAD", fx.officer("TH" + u, unit, "UNIT_HEAD"));
        people.put("LEGAL_OFFICER", fx.officer("TF" + u, legalUnit, "LEGAL_OFFICER"));
        people.put("LEGAL_CAPTAIN", fx.officer("TC" + u, legalUnit, "LEGAL_CAPTAIN"));
        people.put("DISCIPLINE_INSPECTOR", fx.officer("TI" + u, discipline, "DISCIPLINE_INSPECTOR"));
        people.put("CHIEF", fx.officer("TZ" + u, bureau, "CHIEF"));
        people.put("DEPUTY_LEADER", fx.officer("TV" + u, bureau, "DEPUTY_LEADER"));
    }

    private List<JsonNode> filters(String role) {
        JsonNode list = fx.as(people.get(role)).get("/engine-rest/filter?resourceType=Task").json();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private List<String> filterNames(String role) {
        return filters(role).stream().map(f -> f.path("name").asText()).toList();
    }

    @Test
    void shouldShowEachRoleOnlyTheFiltersThatServeIt() {
        assertThat(filterNames("OFFICER")).containsExactlyInAnyOrder("我的待办", "今日到期", "已超期", "跟进提醒");
        assertThat(filterNames("UNIT_HEAD")).containsExactlyInAnyOrder("我的待办", "本单位待签收", "今日到期",
                "已超期", "跟进提醒", "红色督办");
        assertThat(filterNames("LEGAL_OFFICER")).containsExactlyInAnyOrder("我的待办", "今日到期", "已超期", "红色督办");
        assertThat(filterNames("LEGAL_CAPTAIN")).containsExactlyInAnyOrder("我的待办", "今日到期", "红色督办");
        assertThat(filterNames("DISCIPLINE_INSPECTOR")).containsExactlyInAnyOrder("我的待办", "今日到期");
        assertThat(filterNames("CHIEF")).containsExactlyInAnyOrder("我的待办", "今日到期", "红色督办");
        // the deputy leader's 我的待办: his 督办批示
        assertThat(filterNames("DEPUTY_LEADER")).containsExactlyInAnyOrder("我的待办", "今日到期");
        assertThat(filters("DEPUTY_LEADER").get(0).path("properties").path("description").asText()
                + filters("DEPUTY_LEADER").get(1).path("properties").path("description").asText()).contains("督办批示");
        // the chief's 我的待办 is his own: the red level's interviews
        assertThat(filters("CHIEF").stream().filter(f -> "我的待办".equals(f.path("name").asText())).findFirst()
                .orElseThrow().path("properties").path("description").asText()).contains("约谈");
    }

    @Test
    void shouldLabelTheLevelUnitAndDeadlinesOnEveryTaskCard() {
        for (JsonNode filter : filters("UNIT_HEAD")) {
            JsonNode variables = filter.path("properties").path("variables");
            Map<String, String> labels = new LinkedHashMap<>();
            variables.forEach(v -> labels.put(v.path("name").asText(), v.path("label").asText()));
            assertThat(labels).as(filter.path("name").asText()).containsExactly(Map.entry("cardLevel", "预警等级"),
                    Map.entry("cardUnit", "责任单位"), Map.entry("cardDue", "办理期限"));
        }
        long id = fx.register(people.get("LEGAL_OFFICER"), Fixtures.problem("HOTLINE_12345", unit, null,
                "受案登记表未开具受案回执", "两起案件未开具回执")).path("id").asLong();
        JsonNode toSign = filters("UNIT_HEAD").stream().filter(f -> "本单位待签收".equals(f.path("name").asText()))
                .findFirst().orElseThrow();
        // as the Tasklist asks: HAL, with the filter's variables embedded, read with the unit head's rights
        Http.Response listed = fx.as(people.get("UNIT_HEAD")).exchange("POST", "/engine-rest/filter/"
                + toSign.path("id").asText() + "/list?maxResults=50", "application/json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Accept", "application/hal+json");
        JsonNode task = StreamSupport.stream(listed.json().path("_embedded").path("task").spliterator(), false)
                .filter(t -> t.path("name").asText().contains("受案登记表未开具受案回执")).findFirst().orElseThrow();
        Map<String, String> card = new LinkedHashMap<>();
        task.path("_embedded").path("variable").forEach(v -> card.put(v.path("name").asText(),
                v.path("value").asText()));
        assertThat(card).containsEntry("cardLevel", "蓝色").containsEntry("cardUnit", unitName)
                .containsKey("cardDue");
        assertThat(card.get("cardDue")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日.*");
    }

    @Test
    void shouldKeyEveryProcessByItsProblemNumberAndLinkEveryTaskFormToTheProblemPage() {
        long id = fx.register(people.get("LEGAL_OFFICER"), Fixtures.problem("HOTLINE_12345", unit, null,
                "接警后未按规定时限出警", "出警超时")).path("id").asLong();
        JsonNode instances = admin().get("/engine-rest/process-instance?processDefinitionKey=rectification"
                + "&businessKey=" + id).json();
        assertThat(instances).hasSize(1);

        String head = people.get("UNIT_HEAD");
        String task = fx.taskId(head, id, "Task_Sign");
        JsonNode form = fx.as(head).get("/engine-rest/task/" + task + "/form-variables").json();
        assertThat(form.path("problemUrl").path("value").asText()).isEqualTo("/problems/" + id);
        // the form links to the problem page; a transfer's unit is chosen by name from today's units
        assertThat(fx.as(head).get("/engine-rest/task/" + task + "/deployed-form").body())
                .contains("{{problemUrl}}", "查看问题详情", "\"label\":\"" + unitName + "\"")
                .doesNotContain("unitOptions");

        Http.Response tampered = fx.as(head).postJson("/engine-rest/task/" + task + "/submit-form", Map.of(
                "variables", Map.of("signOutcome", Map.of("value", "SIGN"),
                        "problemUrl", Map.of("value", "https://evil.example/"))));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.json().path("errors").get(0).path("field").asText()).isEqualTo("problemUrl");
        assertThat(tampered.json().path("detail").asText()).contains("由流程自动维护");
        assertThat(fx.as(head).get("/engine-rest/task/" + task + "/form-variables?variableNames=problemUrl").json()
                .path("problemUrl").path("value").asText()).isEqualTo("/problems/" + id);

        // the form with the link still completes with its own fields
        fx.completeTask(head, task, Map.of("signOutcome", "SIGN"));
        String rectify = fx.taskId(people.get("OFFICER"), id, "Task_Rectify");
        assertThat(fx.as(people.get("OFFICER")).get("/engine-rest/task/" + rectify + "/form-variables").json()
                .path("problemUrl").path("value").asText()).isEqualTo("/problems/" + id);
    }

    @Test
    void shouldRegisterByNamesFromTheListsAndRefuseATamperedUnitBesideItsFieldWithoutAnError() {
        String legal = people.get("LEGAL_OFFICER");
        JsonNode form = fx.as(legal).get("/engine-rest/process-definition/key/rectification/deployed-start-form")
                .json();
        Map<String, JsonNode> fields = new HashMap<>();
        form.path("components").forEach(c -> fields.put(c.path("key").asText(), c));
        assertThat(fields.get("unitCode").path("type").asText()).isEqualTo("select");
        assertThat(fields.get("unitCode").has("valuesKey")).isFalse();
        String chosenUnit = option(fields.get("unitCode"), unitName);
        assertThat(chosenUnit).isEqualTo(unit);
        String chosenOfficer = option(fields.get("officerNo"), "民警" + people.get("OFFICER") + "（" + unitName + "）");
        assertThat(chosenOfficer).isEqualTo(people.get("OFFICER"));
        List<String> sources = fields.get("source").path("values").findValuesAsText("value");
        assertThat(sources).contains("HOTLINE_12345", "RULE_WARNING", "PROCURATORIAL_SUPERVISION");

        String title = "登记于任务列表" + unique();
        Map<String, Object> variables = new HashMap<>();
        variables.put("source", Map.of("value", "HOTLINE_12389"));
        variables.put("category", Map.of("value", "CONDUCT"));
        variables.put("unitCode", Map.of("value", chosenUnit));
        variables.put("officerNo", Map.of("value", chosenOfficer));
        variables.put("title", Map.of("value", title));
        variables.put("description", Map.of("value", "群众反映民警态度生硬"));
        variables.put("sensitive", Map.of("value", false));
        Http tasklist = fx.tasklist(legal);
        String start = "/camunda/api/engine/engine/default/process-definition/key/rectification/submit-form";
        assertThat(tasklist.postJson(start, Map.of("variables", variables)).status()).isEqualTo(200);
        Long id = jdbc.queryForObject("SELECT id FROM problem WHERE title = ?", Long.class, title);
        assertThat(admin().get("/engine-rest/process-instance?businessKey=" + id).json()).hasSize(1);

        String tamperedTitle = "篡改单位代码" + unique();
        variables.put("unitCode", Map.of("value", chosenUnit + "X"));
        variables.put("title", Map.of("value", tamperedTitle));
        List<ILoggingEvent> logged = new ArrayList<>();
        Http.Response refused = logged(logged, () -> tasklist.postJson(start, Map.of("variables", variables)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).isEqualTo("流程未启动，请按提示修改：责任单位：没有代码为“"
                + chosenUnit + "X”的可选单位，请从列表中选择责任单位");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("unitCode");
        assertThat(refused.body()).doesNotContain("Exception", "ENGINE-");
        assertThat(logged).as("what was logged while refusing").isNotEmpty()
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem WHERE title = ?", Integer.class, tamperedTitle))
                .isZero();
    }

    private static String option(JsonNode select, String label) {
        for (JsonNode value : select.path("values")) {
            if (label.equals(value.path("label").asText())) {
                return value.path("value").asText();
            }
        }
        throw new AssertionError("no option " + label + " in " + select);
    }

    /** Runs the call with every log event of the app captured (the app runs in this JVM). */
    private static Http.Response logged(List<ILoggingEvent> events, java.util.function.Supplier<Http.Response> call) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            return call.get();
        } finally {
            root.detachAppender(appender);
            events.addAll(appender.list);
        }
    }
}
