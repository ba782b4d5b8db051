package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 免登 in headless Chromium: the demo inbox's 在钉钉中打开 (the fake DingTalk playing the
 * DingTalk container) lands on the problem page logged in as the message's recipient, whoever
 * the browser was before. Screenshots: the 免登 page outside DingTalk
 * (docs/screens/dingtalk-login.png) and the refusal of a used code
 * (docs/screens/dingtalk-login-refused.png); the demo inbox of a unit head with his message, his
 * 签收 to-do and card (docs/screens/dingtalk-inbox-todo.png), whose 在钉钉中办理 opens the task in
 * the Tasklist logged in as him. Skipped where Debian's chromium is not installed.
 */
class DingTalkLoginBrowserIT extends ItSupport {

    private final Fixtures fx = new Fixtures(this, "dingtalk-browser-1");

    @org.springframework.beans.factory.annotation.Autowired
    cn.jiandu.calendar.WorkCalendar calendar;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void shouldOpenTheProblemFromTheInboxLoggedInAsTheRecipient() throws IOException {
        String u = unique();
        String unit = fx.unit("KU" + u, "免登派出所" + u, "STATION");
        fx.unit("KL" + u, "免登法制大队" + u, "LEGAL");
        String head = fx.officer("KH" + u, "钱所长", unit, "UNIT_HEAD", true);
        String officer = fx.officer("KO" + u, "孙民警", unit, "OFFICER", false);
        String legal = fx.officer("KL" + u, "李法制", "KL" + u, "LEGAL_OFFICER", false);
        String title = "免登问题：扣押清单未交付" + u;
        String base = "http://localhost:" + port;
        ChromeDriver browser = Browsers.open(1280, 800, "zh-CN");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            // a working day at 10:00: the blue problem's messages go at once
            clock.setNow(mondayBeforeEveryProblem(jdbc).atTime(10, 0).atZone(cn.jiandu.time.Times.CHINA).toInstant());
            long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, title, "群众反映未收到扣押清单。"))
                    .path("id").asLong();
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }

            // outside DingTalk the 免登 page says so and offers the password login
            browser.get(base + "/dingtalk/login?redirect=%2Fproblems%2F" + id);
            wait.until(d -> d.findElement(By.id("outside")).isDisplayed());
            assertThat(browser.findElement(By.id("outside")).getText()).contains("请在钉钉中打开", "用账号密码登录");
            assertThat(browser.findElement(By.id("password-login")).getDomAttribute("href"))
                    .isEqualTo("/login?redirect=%2Fproblems%2F" + id);
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("dingtalk-login.png"));

            // the administrator reads the demo inbox and opens the unit head's message in DingTalk
            Browsers.logIn(browser, base, "/api/demo/dingtalk/inbox?to=dt" + head, ADMIN, ADMIN_PASSWORD);
            wait.until(d -> d.getPageSource().contains(title));
            browser.findElement(By.cssSelector("main form.open button")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/problems/" + id) && !d.findElements(By.id("title")).isEmpty());
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
            assertThat(browser.getCurrentUrl()).doesNotContain("authCode");
            Object user = browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch('/camunda/api/admin/auth/user/default', {headers: {'Accept': 'application/json'}})
                      .then(function (r) { return r.ok ? r.json() : {status: r.status}; })
                      .then(function (j) { done(j.userId || ('status ' + j.status)); });""");
            assertThat(user).as("logged in as the message's recipient").isEqualTo(head);

            // a code used already: refused, in Chinese
            browser.get(base + "/dingtalk/login?redirect=%2Fproblems%2F" + id + "#authCode=" + "0".repeat(32));
            wait.until(d -> !d.findElements(By.id("advice")).isEmpty());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("钉钉登录未成功");
            assertThat(browser.findElement(By.id("message")).getText()).contains("已使用或已过期");
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("dingtalk-login-refused.png"));
        } finally {
            browser.quit();
            clock.reset();
        }
    }

    @Test
    void shouldOpenTheToDoFromTheInboxInTheTasklistLoggedInAsItsPerson() throws IOException {
        String u = unique();
        String unit = fx.unit("KT" + u, "城关派出所", "STATION");
        String legalUnit = fx.unit("KF" + u, "法制大队", "LEGAL");
        String head = fx.officer("KA" + u, "刘所长", unit, "UNIT_HEAD", true);
        String officer = fx.officer("KB" + u, "李警官", unit, "OFFICER", false);
        String legal = fx.officer("KC" + u, "王法明", legalUnit, "LEGAL_OFFICER", false);
        String title = "受案登记表未开具受案回执" + u;
        String base = "http://localhost:" + port;
        ChromeDriver browser = Browsers.open(720, 1200, "zh-CN");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            // the next working day at 10:00: the blue problem's message, to-do and card go at once
            java.time.LocalDate day = java.time.LocalDate.now(cn.jiandu.time.Times.CHINA).plusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            clock.setNow(day.atTime(10, 0).atZone(cn.jiandu.time.Times.CHINA).toInstant());
            long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, title, "群众反映报案后未收到受案回执。"))
                    .path("id").asLong();
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            String sign = fx.taskId(head, id, "Task_Sign");

            // the administrator reads the unit head's inbox: his to-do above his message, his card below
            Browsers.logIn(browser, base, "/api/demo/dingtalk/inbox?to=dt" + head, ADMIN, ADMIN_PASSWORD);
            wait.until(d -> !d.findElements(By.cssSelector("#todos .todo")).isEmpty()
                    && !d.findElements(By.cssSelector("#cards .icard")).isEmpty());
            String todos = browser.findElement(By.id("todos")).getText();
            assertThat(todos).contains("待办（刘所长（城关派出所），1 项未完成）", "【蓝色预警】签收：" + title, "未完成", "截止",
                    "在钉钉中办理");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("预警通知", title, "在钉钉中打开");
            assertThat(browser.findElement(By.id("cards")).getText()).contains("【蓝色预警】签收：" + title, "待签收");
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
            assertThat(scroll.intValue()).isLessThanOrEqualTo(720);
            java.util.Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
            @SuppressWarnings("unchecked")
            Number height = (Number) ((java.util.Map<String, Object>) metrics.get("cssContentSize")).get("height");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 720, "height",
                    Math.min(height.intValue(), 4000), "deviceScaleFactor", 1, "mobile", false));
            java.nio.file.Path shot = Browsers.screenshot(browser, Browsers.SCREENS.resolve("dingtalk-inbox-todo.png"));
            assertThat(Files.size(shot)).isGreaterThan(10_000);
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());

            // 在钉钉中办理: through 免登 to the 签收 task in the Tasklist, logged in as the unit head
            browser.findElement(By.cssSelector("#todos form.open button")).click();
            wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/") && d.getCurrentUrl().contains(sign));
            wait.until(d -> d.findElements(By.cssSelector(".fjs-form")).stream()
                    .anyMatch(f -> f.getText().contains("查看问题详情")));
            assertThat(browser.getCurrentUrl()).doesNotContain("authCode");
            Object user = browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch('/camunda/api/admin/auth/user/default', {headers: {'Accept': 'application/json'}})
                      .then(function (r) { return r.ok ? r.json() : {status: r.status}; })
                      .then(function (j) { done(j.userId || ('status ' + j.status)); });""");
            assertThat(user).as("logged in as the to-do's person").isEqualTo(head);
            Browsers.screenshot(browser, java.nio.file.Path.of("target", "dingtalk-todo-tasklist.png"));
        } finally {
            browser.quit();
            clock.reset();
        }
    }
}
