package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The problem pages over HTTP: a problem's page (title, level, the deadline and why, with the
 * National Day holidays counted; the timeline with names; the task's Tasklist link; the
 * documents), the API's visibility (another unit's officer: 404), the list's filters and
 * pages, and registration by name with a tampered unit code answered next to its field.
 */
class ProblemPageIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CN = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");

    private final Fixtures fx = new Fixtures(this, "page-pass-1");

    @Autowired
    private IdentityService identity;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void shouldShowTheProblemItsDeadlineWithTheHolidaysCountedItsTimelineByNameAndItsTaskLink() {
        String u = unique();
        String station = fx.unit("YP" + u, "城南派出所" + u, "STATION");
        String other = fx.unit("YQ" + u, "城北派出所" + u, "STATION");
        String legal = fx.officer("YL" + u, "钱法制", fx.unit("YF" + u, "法制大队" + u, "LEGAL"), "LEGAL_OFFICER", false);
        String head = fx.officer("YH" + u, "孙所长", station, "UNIT_HEAD", false);
        String officer = fx.officer("YO" + u, "周民警", station, "OFFICER", false);
        String stranger = fx.officer("YS" + u, "吴民警", other, "OFFICER", false);

        // Wednesday 30 September 2026, the eve of 国庆节 (1–7 October off, Saturday 10 October worked)
        clock.setNow(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant());
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, "节前受理案件未按期立案" + u,
                "群众反映案件受理后未按期立案。")).path("id").asLong();
        String taskId = Fixtures.task(tasks, id, "Task_Sign").getId();
        // the administrator hands the task to the unit head: its sentence quotes the assignee's number
        identity.setAuthentication(ADMIN, List.of("camunda-admin"));
        try {
            tasks.setAssignee(taskId, head);
        } finally {
            identity.clearAuthentication();
        }
        JsonNode api = fx.problem(legal, id);
        assertThat(api.path("documents")).as("the document issued at registration").isNotEmpty();
        long documentId = api.path("documents").get(0).path("id").asLong();
        String deadline = OffsetDateTime.parse(api.path("deadline").asText()).atZoneSameInstant(CHINA).format(CN);

        Http.Response page = fx.as(legal).get("/problems/" + id);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<h1 id=\"title\">节前受理案件未按期立案" + u + "</h1>")
                .contains(api.path("levelLabel").asText() + "预警", "level-" + api.path("level").asText())
                .contains("待签收", "城南派出所" + u, "周民警", "12345", "2026年9月30日 10:00");
        // the deadline, and why: the rule, the start, the holidays and the make-up day counted
        assertThat(section(html, "deadline")).contains(deadline, "剩余", "期限说明", "起算：2026年9月30日 10:00",
                "个工作日", "2026年10月1日（星期四）至10月7日（星期三） 国庆节 法定节假日 7 天，不计入",
                "2026年10月10日（星期六） 国庆节调休上班，计为工作日", "法定节假日 7 天、调休上班日 1 天");
        // the timeline says who by name, never by number (the claim's sentence quotes the assignee)
        String timeline = section(html, "timeline");
        assertThat(timeline).contains("钱法制（法制大队" + u + "）", "登记", "指派给 孙所长")
                .doesNotContain(legal, head);
        // the open task opens itself in the Tasklist
        assertThat(section(html, "tasks")).contains("href=\"/camunda/app/tasklist/default/#/?task=" + taskId + "\"",
                "孙所长（城南派出所" + u + "）");
        assertThat(section(html, "documents")).contains("href=\"/api/documents/" + documentId + "\"", "打印");
        // the legal officer may urge, not raise nor void; and upload evidence
        assertThat(html).contains("data-action=\"urge\"", "id=\"evidence-form\"")
                .doesNotContain("data-action=\"raise\"", "data-action=\"void\"");

        // the unit's own officer reads it, with no supervision button; another unit's gets 404
        Http.Response own = fx.as(officer).get("/problems/" + id);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("data-action=\"urge\"").contains("id=\"evidence-form\"");
        Http.Response foreign = fx.as(stranger).get("/problems/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("未找到").doesNotContain("节前受理案件");
        assertThat(fx.as(legal).get("/problems/999999999").status()).isEqualTo(404);
        assertThat(fx.as(legal).get("/problems/abc").status()).isEqualTo(404);
        assertThat(anonymous().get("/problems/" + id).status()).isEqualTo(401);
        assertThat(anonymous().get("/problems").status()).isEqualTo(401);
        assertThat(anonymous().get("/problems/assets/pages.js").status()).isEqualTo(401);
        assertThat(fx.as(officer).get("/problems/assets/pages.js").status()).isEqualTo(200);
    }

    @Test
    void shouldListWhatTheViewerMaySeeFilteredAndPagedNewestFirst() {
        String u = unique();
        String station = fx.unit("ZP" + u, "东关派出所" + u, "STATION");
        String other = fx.unit("ZQ" + u, "西关派出所" + u, "STATION");
        String legal = fx.officer("ZL" + u, "郑法制", fx.unit("ZF" + u, "法制大队" + u, "LEGAL"), "LEGAL_OFFICER", false);
        String officer = fx.officer("ZO" + u, "冯民警", station, "OFFICER", false);
        for (int i = 1; i <= 21; i++) {
            fx.register(legal, Fixtures.problem("HOTLINE_12345", station, null, "列表问题" + u + "第" + i + "件",
                    "描述" + u + "。"));
        }
        Map<String, Object> sensitive = Fixtures.problem("PETITION", station, null, "信访问题" + u, "涉访" + u + "。");
        sensitive.put("sensitive", true);
        long red = fx.register(legal, sensitive).path("id").asLong();
        long elsewhere = fx.register(legal, Fixtures.problem("HOTLINE_12345", other, null, "他处问题" + u,
                "描述" + u + "。")).path("id").asLong();

        String first = fx.as(legal).get("/problems?unit=" + station + "&q=" + u).body();
        assertThat(first).contains("共 22 个问题，第 1/2 页", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        List<Long> ids = ids(first);
        assertThat(ids).hasSize(20).first().isEqualTo(red);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(first).contains("href=\"/problems/" + red + "\"", "红色预警");
        String second = fx.as(legal).get("/problems?unit=" + station + "&q=" + u + "&page=2").body();
        assertThat(ids(second)).hasSize(2).allSatisfy(id -> assertThat(ids).doesNotContain(id));
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        assertThat(ids(fx.as(legal).get("/problems?level=RED&q=" + u).body())).containsExactly(red);
        // the same words filter the API's list
        assertThat(fx.as(legal).get("/api/problems?unitCode=" + station + "&q=" + u).json().path("total").asLong())
                .isEqualTo(22);
        assertThat(fx.as(legal).get("/api/problems?q=" + enc("100%_" + u)).json().path("total").asLong())
                .as("% and _ are letters, not wildcards").isZero();
        assertThat(ids(fx.as(legal).get("/problems?q=" + enc("列表问题" + u + "第7件")).body())).hasSize(1);
        assertThat(fx.as(legal).get("/problems?status=CLOSED&q=" + u).body()).contains("没有符合条件的问题");
        assertThat(ids(fx.as(legal).get("/problems?q=" + u + "&page=1").body())).contains(elsewhere);

        // an officer sees his unit's problems only, and is told so when he asks for another's
        assertThat(ids(fx.as(officer).get("/problems?q=" + u).body())).hasSize(20).doesNotContain(elsewhere);
        Http.Response refused = fx.as(officer).get("/problems?unit=" + other);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("只能查看本单位的问题");
        Http.Response wrong = fx.as(legal).get("/problems?level=PURPLE");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("未知的预警等级");
    }

    @Test
    void shouldRegisterByNameAndAnswerATamperedUnitNextToItsFieldWithoutLoggingAnError() {
        String u = unique();
        String station = fx.unit("XP" + u, "新华路派出所" + u, "STATION");
        String legal = fx.officer("XL" + u, "王法制", fx.unit("XF" + u, "法制大队" + u, "LEGAL"), "LEGAL_OFFICER", false);
        String officer = fx.officer("XO" + u, "陈民警" + u, station, "OFFICER", false);

        Http.Response form = fx.as(legal).get("/problems/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<option value=\"" + station + "\">新华路派出所" + u + "</option>",
                "陈民警" + u, "12345", "name=\"category\"");
        Http.Response notAllowed = fx.as(officer).get("/problems/new");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.body()).contains("只有法制部门和局领导可以登记执法问题");

        Map<String, String> fields = new HashMap<>(Map.of("source", "HOTLINE_12345", "category", "CASE_FILING",
                "unitCode", station, "officerNo", officer, "title", "页面登记的问题" + u,
                "description", "通过问题页面登记。", "occurredAt", "2026-11-02T09:30"));
        Http.Response made = fx.as(legal).postForm("/problems/new", fields);
        assertThat(made.status()).as(made.body()).isEqualTo(303);
        String location = made.headers().get("location").get(0);
        assertThat(location).matches("/problems/\\d+");
        Http.Response shown = fx.as(legal).get(location);
        assertThat(shown.body()).contains("页面登记的问题" + u, "新华路派出所" + u, "陈民警" + u, "2026年11月2日 09:30");

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class);
        try {
            fields.put("unitCode", "NOPE" + u);
            fields.put("title", "篡改单位的问题" + u);
            Http.Response tampered = fx.as(legal).postForm("/problems/new", fields);
            assertThat(tampered.status()).isEqualTo(400);
            assertThat(tampered.body()).contains("id=\"error-unitCode\"", "单位不存在", "请修改标红的项目")
                    .contains("value=\"篡改单位的问题" + u + "\"")
                    .doesNotContain("Exception", "ProcessEngine");
            fields.put("unitCode", station);
            fields.put("source", "");
            fields.put("occurredAt", "明天");
            Http.Response missing = fx.as(legal).postForm("/problems/new", fields);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("id=\"error-source\"", "请选择问题来源", "id=\"error-occurredAt\"");
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class)).isEqualTo(before);
    }

    /** The HTML of the section with the id, up to its end. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static List<Long> ids(String html) {
        Matcher m = Pattern.compile("<tr data-id=\"(\\d+)\"").matcher(html);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
