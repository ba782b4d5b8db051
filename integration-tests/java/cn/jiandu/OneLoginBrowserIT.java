package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one login in headless Chromium (and issue 17's walk from a task to its problem page): a unit head opening the Tasklist is sent to the
 * Chinese login page, logs in there once and is in the Tasklist without its own login form,
 * then opens the dashboard with the same session. The login page's screenshot is
 * docs/screens/login.png. Skipped where Debian's chromium is not installed.
 */
class OneLoginBrowserIT extends ItSupport {

    private static final String PASSWORD = "browser-login-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void shouldLogInOnceAndOpenTheTasklistWithoutASecondLogin() throws IOException {
        String u = unique();
        String head = fx.officer("BH" + u, fx.unit("BU" + u, "浏览器派出所" + u, "STATION"), "UNIT_HEAD");
        String base = "http://localhost:" + port;
        ChromeDriver browser = Browsers.open(1280, 800, "zh-CN");
        try {
            browser.get(base + "/camunda/app/tasklist/default/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> d.getCurrentUrl().contains("/login?redirect="));
            assertThat(browser.getTitle()).startsWith("登录");
            assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).contains("用户名");
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("login.png"));

            browser.findElement(By.id("username")).sendKeys(head);
            browser.findElement(By.id("password")).sendKeys("wrong-password");
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
            assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");

            // the throttle after one wrong password lasts a few seconds
            // (under load the answer to a click may still be on its way at the next look: only a page
            // with the form is filled in again)
            wait.withTimeout(Duration.ofSeconds(60)).withMessage(() -> "still at " + browser.getCurrentUrl())
                    .until(d -> {
                        if (d.getCurrentUrl().contains("/camunda/app/tasklist/default/")) {
                            return true;
                        }
                        if (d.findElements(By.id("password")).isEmpty()) {
                            return false;
                        }
                        d.findElement(By.id("password")).clear();
                        d.findElement(By.id("password")).sendKeys(PASSWORD);
                        d.findElement(By.id("login-submit")).click();
                        return d.getCurrentUrl().contains("/camunda/app/tasklist/default/");
                    });
            Object user = browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch('/camunda/api/admin/auth/user/default', {headers: {'Accept': 'application/json'}})
                      .then(function (r) { return r.ok ? r.json() : {status: r.status}; })
                      .then(function (j) { done(j.userId || ('status ' + j.status)); });""");
            assertThat(user).isEqualTo(head);
            // the Tasklist shows its work, not its login form
            wait.until(d -> !d.findElements(By.cssSelector(".navbar, header")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();

            browser.get(base + "/dashboard/?animation=0");
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            assertThat(browser.getTitle()).isEqualTo("执法监督数据大屏");

            // the Tasklist's own 退出 leads to the one login page, not to the Tasklist's login view
            browser.get(base + "/camunda/app/tasklist/default/");
            wait.until(d -> !d.findElements(By.cssSelector("[ng-click='logout()']")).isEmpty());
            browser.executeScript("arguments[0].click();",
                    browser.findElement(By.cssSelector("[ng-click='logout()']")));
            wait.until(d -> d.getCurrentUrl().contains("/login?redirect="));
            assertThat(browser.getTitle()).startsWith("登录");
            browser.get(base + "/dashboard/");
            wait.until(d -> d.getCurrentUrl().contains("/login"));
        } finally {
            browser.quit();
        }
    }

    /**
     * Issue 17's walk: a unit head logs in once through the login page and, without logging in
     * again, opens the Tasklist, opens the task of a problem, follows its problemUrl to the
     * problem page, opens the document from there and reads the timeline with names; after
     * 退出 each of the four surfaces sends him to the login page.
     */
    @Test
    void shouldWalkFromTheTaskToTheProblemPageAndItsDocumentOnOneLoginAndLogOutOfAll() throws IOException {
        String u = unique();
        String unit = fx.unit("WU" + u, "走查派出所" + u, "STATION");
        fx.unit("WL" + u, "走查法制大队" + u, "LEGAL");
        String head = fx.officer("WH" + u, "郑所长", unit, "UNIT_HEAD", true);
        String officer = fx.officer("WO" + u, "陈民警", unit, "OFFICER", false);
        String legal = fx.officer("WL" + u, "赵法制", "WL" + u, "LEGAL_OFFICER", false);
        String title = "走查问题：受案回执未开具" + u;
        // a working day at 10:00: the blue problem's messages go at once
        clock.setNow(mondayBeforeEveryProblem(jdbc).atTime(10, 0).atZone(cn.jiandu.time.Times.CHINA).toInstant());
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, title, "群众反映未收到受案回执。"))
                .path("id").asLong();
        String task = fx.taskId(head, id, "Task_Sign");
        long report = admin().postJson("/api/reports", Map.of("type", "DAILY", "date", "2019-05-06")).json()
                .path("id").asLong();
        String base = "http://localhost:" + port;
        ChromeDriver browser = Browsers.open(1280, 800, "zh-CN");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            // the task itself, asked for before logging in: the login page, then the task
            browser.get(base + "/camunda/app/tasklist/default/#/?task=" + task);
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            browser.findElement(By.id("username")).sendKeys(head);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
            if (!browser.getCurrentUrl().contains("task=" + task)) {
                browser.get(base + "/camunda/app/tasklist/default/#/?task=" + task);
            }
            wait.until(d -> !d.findElements(By.partialLinkText("查看问题详情")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
            String problemUrl = browser.findElement(By.partialLinkText("查看问题详情")).getDomAttribute("href");
            assertThat(problemUrl).endsWith("/problems/" + id);

            // the problem page, on the same session
            browser.get(problemUrl.startsWith("http") ? problemUrl : base + problemUrl);
            wait.until(d -> !d.findElements(By.id("title")).isEmpty());
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
            String timeline = browser.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("赵法制").doesNotContain(legal + " ");
            String document = browser.findElement(By.id("documents")).findElement(By.partialLinkText("执法建议书"))
                    .getDomAttribute("href");

            browser.get(document.startsWith("http") ? document : base + document);
            wait.until(d -> d.getPageSource().contains("执法建议书"));
            assertThat(browser.getPageSource()).contains(title, "走查派出所" + u);

            // what DingTalk showed him: the demo inbox, by name, with the button to the page
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            browser.get(base + "/api/demo/dingtalk/inbox?to=dt" + head);
            wait.until(d -> d.getPageSource().contains(title));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("收件人：郑所长（走查派出所" + u + "）",
                    "在钉钉中打开");
            // the button opens the problem inside DingTalk through 免登 (DingTalkLoginBrowserIT)
            assertThat(browser.findElement(By.cssSelector("main form.open input[name=url]")).getDomAttribute("value"))
                    .isEqualTo(base + "/dingtalk/login?redirect=%2Fproblems%2F" + id);
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("dingtalk-inbox.png"));

            // 退出 on the problem page ends the session for every surface
            browser.get(base + "/problems/" + id);
            wait.until(d -> !d.findElements(By.id("logout")).isEmpty());
            browser.findElement(By.id("logout")).click();
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            for (String surface : new String[] {"/problems/" + id, "/dashboard/", "/api/reports/" + report,
                    "/camunda/app/tasklist/default/"}) {
                browser.get(base + surface);
                wait.until(d -> d.getCurrentUrl().contains("/login"));
                assertThat(browser.getTitle()).as(surface).startsWith("登录");
            }
        } finally {
            browser.quit();
            clock.reset();
        }
    }

}
