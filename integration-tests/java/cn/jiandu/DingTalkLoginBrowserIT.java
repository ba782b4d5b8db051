package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * (docs/screens/dingtalk-login-refused.png). Skipped where Debian's chromium is not installed.
 */
class DingTalkLoginBrowserIT extends ItSupport {

    private final Fixtures fx = new Fixtures(this, "dingtalk-browser-1");

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
}
