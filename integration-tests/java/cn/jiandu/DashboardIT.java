package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard (数据大屏) in headless Chromium: behind the login, it shows what
 * GET /api/dashboard answers. Demo-like data first (stations, problems of every level, some
 * overdue, some closed); the screenshot is kept at docs/screens/dashboard.png.
 * Skipped where Debian's chromium is not installed (.ci/run installs it).
 */
class DashboardIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "dashboard-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    @org.springframework.beans.factory.annotation.Autowired
    private cn.jiandu.privacy.PersonalDataCipher cipher;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void shouldShowBehindTheLoginWhatTheApiCounts() throws IOException {
        assertThat(anonymous().get("/dashboard/").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/dashboard").status()).isEqualTo(401);
        assertThat(anonymous().get("/webjars/echarts/echarts.min.js").status()).isEqualTo(401);
        assertThat(admin().get("/dashboard").headers().get("location").get(0)).endsWith("/dashboard/");
        aBureauAtWork();

        ChromeDriver browser = Browsers.openWithBasic(1920, 1080, ADMIN, ADMIN_PASSWORD);
        try {
            Map<String, String> shown = Map.of();
            Map<String, String> counted = Map.of();
            // background jobs may change a count between the page's request and the test's: look again
            for (int attempt = 0; attempt < 5 && (shown.isEmpty() || !shown.equals(counted)); attempt++) {
                browser.get("http://localhost:" + port + "/dashboard/?animation=0");
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
                shown = shown(browser);
                counted = counted(admin().get("/api/dashboard").json());
            }
            assertThat(shown).isEqualTo(counted);
            assertThat(Integer.parseInt(shown.get("total"))).isGreaterThanOrEqualTo(6);
            assertThat(Integer.parseInt(shown.get("overdue"))).isPositive();

            assertThat(browser.getTitle()).isEqualTo("执法监督数据大屏");
            assertThat(browser.findElement(By.id("bureau")).getText()).isEqualTo("示范市公安局示范分局");
            assertThat(browser.findElement(By.id("status")).getText()).startsWith("数据时间：");
            assertThat(browser.findElement(By.id("clock")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 星期.+");
            Object echarts = ((JavascriptExecutor) browser).executeScript("return typeof echarts");
            assertThat(echarts).isEqualTo("object");
            assertThat(Integer.parseInt(shown.get("intake.received"))).isGreaterThanOrEqualTo(14);
            assertThat(shown.get("intake.satisfaction")).endsWith("%");
            assertThat(browser.findElement(By.id("intake-definition")).getText()).startsWith("口径：").contains("满意率");
            for (String chart : List.of("chart-trend", "chart-levels", "chart-ranking", "chart-rate", "chart-intake")) {
                assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            }
            assertThat(browser.findElement(By.cssSelector("#overdue-list tr[data-id] td.hours")).getText())
                    .matches("(\\d+天)?(\\d+小时)?|不足1小时");

            Browsers.screenshot(browser, Browsers.SCREENS.resolve("dashboard.png"));
        } finally {
            browser.quit();
        }
    }

    /**
     * Names and titles are shown as text, never as markup: a unit named like an image tag
     * with an event handler, and a problem titled with a script, are shown as typed in the
     * ranking's tooltip (HTML, as ECharts renders tooltips) and in the overdue list, and no
     * script of theirs runs.
     */
    @Test
    void shouldShowInjectedNamesAndTitlesAsTextAndRunNoneOfThem() throws InterruptedException {
        String u = unique();
        String unit = "XS" + u;
        String name = "<img src=x onerror=window.__xss=1>" + u;
        String title = "<script>window.__xss=2</script><img src=y onerror=window.__xss=3>" + u;
        fx.unit(unit, name, "STATION");
        String officer = fx.officer("XO" + u, unit, "OFFICER");
        String legal = fx.officer("XL" + u, fx.unit("XF" + u, "法制大队", "LEGAL"), "LEGAL_OFFICER");
        // registered before every other problem: the most overdue of all
        clock.setNow(mondayBeforeEveryProblem(jdbc).atTime(10, 0).atZone(CHINA).toInstant());
        long overdue = register(legal, unit, officer, "HOTLINE_12345", title, true);
        clock.reset();
        // and one today: the unit is charged in this month's ranking
        register(legal, unit, officer, "CHIEF_MAILBOX", title, false);
        assertThat(admin().get("/api/dashboard").json().path("ranking")).anySatisfy(
                e -> assertThat(e.path("name").asText()).isEqualTo(name));

        ChromeDriver browser = Browsers.openWithBasic(1920, 1080, ADMIN, ADMIN_PASSWORD);
        try {
            browser.get("http://localhost:" + port + "/dashboard/?animation=0");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            // the unit's bar brought into view and its tooltip shown, as hovering it does
            Object index = browser.executeScript("""
                    var name = arguments[0];
                    var chart = echarts.getInstanceByDom(document.getElementById('chart-ranking'));
                    var labels = chart.getOption().yAxis[0].data;
                    var i = labels.findIndex(function (label) { return label.endsWith(name); });
                    if (i >= 0) {
                      chart.dispatchAction({ type: 'dataZoom', startValue: i, endValue: i + 13 });
                      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
                    }
                    return i;""", name);
            assertThat(((Number) index).intValue()).as("the unit's bar in the ranking").isNotNegative();
            String tooltip = "var tip = Array.prototype.find.call(document.querySelectorAll('#chart-ranking > div'),"
                    + " function (d) { return d.textContent.indexOf('积分') >= 0; });";
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    d -> Boolean.TRUE.equals(browser.executeScript(tooltip + " return tip != null;")));
            // an image that fails to load calls its onerror at once; give it time all the same
            Thread.sleep(1500);
            assertThat(browser.executeScript(tooltip + " return tip.textContent;")).as("the tooltip")
                    .asString().contains(name, "积分");
            assertThat(browser.executeScript(tooltip + " return tip.querySelectorAll('*').length"
                    + " - tip.querySelectorAll('br').length;")).as("no element in the tooltip but line breaks")
                    .isEqualTo(0L);

            WebElement row = browser.findElement(By.cssSelector("#overdue-list tr[data-id='" + overdue + "']"));
            assertThat(row.findElement(By.cssSelector("td.title")).getText()).isEqualTo(title);
            assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo(name);
            assertThat(browser.findElements(By.cssSelector("#overdue-list img, #overdue-list script"))).isEmpty();

            assertThat(browser.executeScript("return window.__xss;")).as("no injected script ran").isNull();
        } finally {
            browser.quit();
        }
    }

    private static Map<String, String> shown(ChromeDriver browser) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String id : List.of("total", "blue", "yellow", "red")) {
            shown.put(id, browser.findElement(By.id("count-" + id)).getText());
        }
        shown.put("overdue", browser.findElement(By.id("overdue-total")).getText());
        shown.put("rate", browser.findElement(By.id("rate")).getText());
        shown.put("overdueRows", String.valueOf(browser.findElements(By.cssSelector("#overdue-list tr[data-id]")).size()));
        shown.put("firstOverdue", browser.findElements(By.cssSelector("#overdue-list tr[data-id]")).stream().findFirst()
                .map(r -> r.getDomAttribute("data-id")).orElse(""));
        for (String id : List.of("received", "callback", "satisfaction", "unresolved", "dissatisfied", "cleared")) {
            shown.put("intake." + id, browser.findElement(By.id("intake-" + id)).getText());
        }
        shown.put("intake.firstUnit", browser.findElements(By.cssSelector("#intake-units tr[data-code]")).stream()
                .findFirst().map(r -> r.getDomAttribute("data-code")).orElse(""));
        return shown;
    }

    private static Map<String, String> counted(JsonNode api) {
        Map<String, String> counted = new LinkedHashMap<>();
        for (String id : List.of("total", "blue", "yellow", "red")) {
            counted.put(id, api.path("counts").path(id).asText());
        }
        counted.put("overdue", api.path("overdueTotal").asText());
        counted.put("rate", api.path("rectificationRate").isNull() ? "—"
                : api.path("rectificationRate").decimalValue().stripTrailingZeros().toPlainString() + "%");
        counted.put("overdueRows", String.valueOf(api.path("overdue").size()));
        counted.put("firstOverdue", api.path("overdue").isEmpty() ? "" : api.path("overdue").get(0).path("id").asText());
        JsonNode intake = api.path("intake").path("total");
        counted.put("intake.received", intake.path("received").asText());
        counted.put("intake.callback", percent(intake.path("callbackRate")));
        counted.put("intake.satisfaction", percent(intake.path("satisfactionRate")));
        counted.put("intake.unresolved", intake.path("unresolved").asText());
        counted.put("intake.dissatisfied", intake.path("dissatisfiedOpen").asText());
        counted.put("intake.cleared", intake.path("cleared").asText());
        JsonNode units = api.path("intake").path("units");
        counted.put("intake.firstUnit", units.isEmpty() || units.get(0).path("rank").isNull() ? ""
                : units.get(0).path("code").asText());
        return counted;
    }

    /** A rate as the page prints it: 0.8333 → 83.33%, null → —. */
    private static String percent(JsonNode rate) {
        return rate.isNull() || rate.isMissingNode() ? "—"
                : BigDecimal.valueOf(Math.round(rate.asDouble() * 10_000)).movePointLeft(2).stripTrailingZeros()
                        .toPlainString() + "%";
    }

    /**
     * Stations with problems of every level: some registered ten days ago (red ones now
     * overdue, blue ones urged and raised), one closed on time, and a few from this morning.
     */
    private void aBureauAtWork() {
        String u = unique();
        Map<String, String> heads = new HashMap<>();
        Map<String, String> officers = new HashMap<>();
        String[][] units = {{"CG", "城关派出所", "STATION"}, {"XH", "新华路派出所", "STATION"},
                {"DG", "东关派出所", "STATION"}, {"KF", "开发区派出所", "STATION"},
                {"XJ", "刑事侦查大队", "CRIMINAL_POLICE"}, {"ZA", "治安管理大队", "OTHER"}};
        for (String[] unit : units) {
            String code = unit[0] + u;
            fx.unit(code, unit[1], unit[2]);
            heads.put(code, fx.officer("H" + unit[0] + u, code, "UNIT_HEAD"));
            officers.put(code, fx.officer("O" + unit[0] + u, code, "OFFICER"));
        }
        String legal = fx.officer("L" + u, fx.unit("FZ" + u, "法制大队", "LEGAL"), "LEGAL_OFFICER");

        ZonedDateTime now = ZonedDateTime.now(CHINA);
        clock.setNow(now.minusDays(10).with(LocalTime.of(10, 0)).toInstant());
        long closed = register(legal, "CG" + u, officers.get("CG" + u), "HOTLINE_12345", "接警后未按规定时限出警", false);
        fx.complete(heads.get("CG" + u), closed, "Task_Sign", Map.of());
        fx.uploadEvidence(closed);
        fx.complete(officers.get("CG" + u), closed, "Task_Rectify", Map.of("rectifyOutcome", "DONE",
                "rectificationReport", "已对出警民警批评教育并整改"));
        fx.complete(legal, closed, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        register(legal, "XH" + u, officers.get("XH" + u), "PETITION", "当事人信访反映案件久拖未决", true);
        register(legal, "XJ" + u, officers.get("XJ" + u), "PROCURATORIAL_SUPERVISION", "刑事警情超30日未立案", true);
        long late = register(legal, "DG" + u, officers.get("DG" + u), "ONLINE_ENFORCEMENT_PATROL",
                "受案登记表未开具受案回执", false);
        fx.complete(heads.get("DG" + u), late, "Task_Sign", Map.of());
        register(legal, "KF" + u, officers.get("KF" + u), "CASE_REVIEW_EVALUATION", "行政案件笔录未记录询问起止时间", false);
        clock.setNow(now.minusDays(3).with(LocalTime.of(9, 30)).toInstant());
        register(legal, "ZA" + u, officers.get("ZA" + u), "ONLINE_VIDEO_PATROL", "办案区视频未全程录像", false);
        register(legal, "CG" + u, officers.get("CG" + u), "HOTLINE_12389", "涉案财物未按规定移交保管", false);
        clock.reset();
        register(legal, "XH" + u, officers.get("XH" + u), "POLICE_REVISIT", "回访发现未告知报警人处理结果", false);
        register(legal, "KF" + u, officers.get("KF" + u), "CHIEF_MAILBOX", "局长信箱反映民警接警态度生硬", false);
        thisMonthsTickets(u, now);
    }

    /**
     * 群众诉求与回访 of this month: tickets from several channels, triaged to the stations'
     * problems, referred, rejected or waiting, and their calls: satisfied, unreachable, one
     * dissatisfied still open and one dissatisfied cleared since.
     */
    private void thisMonthsTickets(String u, ZonedDateTime now) {
        IntakeRows rows = new IntakeRows(jdbc, cipher);
        Instant at = now.with(LocalTime.of(0, 1)).toInstant();
        Instant called = at.plusSeconds(60);
        long cg = problemOf("CG" + u);
        long tickets = 0;
        long a = rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "ACCEPTED", cg, "SATISFIED", called);
        rows.call(a, 1, 1, "SATISFIED", called);
        long b = rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "ACCEPTED", problemOf("XH" + u), "DISSATISFIED",
                null);
        rows.call(b, 1, 1, "DISSATISFIED", called);
        long c = rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "ACCEPTED", problemOf("KF" + u),
                "BASICALLY_SATISFIED", called);
        rows.call(c, 1, 1, "BASICALLY_SATISFIED", called);
        long d = rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "MERGED", problemOf("DG" + u), "SATISFIED",
                called);
        rows.call(d, 1, 1, "UNREACHABLE", called);
        rows.call(d, 1, 2, "SATISFIED", called);
        rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "REFERRED", null, "NONE", called);
        rows.ticket("HOTLINE_12345", "D" + u + ++tickets, at, "PENDING_TRIAGE", null, "NONE", null);
        long e = rows.ticket("HOTLINE_12389", "D" + u + ++tickets, at, "ACCEPTED", problemOf("XJ" + u), "SATISFIED",
                called);
        rows.call(e, 1, 1, "DISSATISFIED", called);
        rows.call(e, 2, 1, "SATISFIED", called);
        rows.ticket("HOTLINE_12389", "D" + u + ++tickets, at, "REJECTED", null, "NONE", called);
        rows.ticket("HOTLINE_12389", "D" + u + ++tickets, at, "PENDING_TRIAGE", null, "NONE", null);
        long f = rows.ticket("CHIEF_MAILBOX", "D" + u + ++tickets, at, "ACCEPTED", problemOf("ZA" + u), "SATISFIED",
                called);
        rows.call(f, 1, 1, "SATISFIED", called);
        rows.ticket("CHIEF_MAILBOX", "D" + u + ++tickets, at, "REFERRED", null, "NONE", called);
        rows.ticket("PEOPLES_POLICING", "D" + u + ++tickets, at, "MERGED", cg, "PENDING", null);
        rows.ticket("PEOPLES_POLICING", "D" + u + ++tickets, at, "PENDING_TRIAGE", null, "NONE", null);
        long g = rows.ticket("ALARM_110", "D" + u + ++tickets, at, "ACCEPTED", problemOf("KF" + u), "PENDING", null);
        rows.call(g, 1, 1, "UNREACHABLE", called);
    }

    private long problemOf(String unit) {
        return jdbc.queryForObject("SELECT MIN(id) FROM problem WHERE unit_code = ?", Long.class, unit);
    }

    private long register(String legal, String unit, String officer, String source, String title, boolean sensitive) {
        Map<String, Object> body = Fixtures.problem(source, unit, officer, title, title + "。");
        body.put("sensitive", sensitive);
        return fx.register(legal, body).path("id").asLong();
    }
}
