package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The problem page (问题详情页) in headless Chromium, on a desktop (1280 px) and on a phone
 * inside DingTalk (375 px): no sideways scrolling, the level in its colour, the deadline's
 * explanation; screenshots saved to docs/screens/ for the README. Skipped where Debian's
 * chromium is not installed (.ci/run installs it).
 */
class ProblemPageBrowserIT extends ItSupport {

    private static final String PASSWORD = "page-browser-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void shouldFitADesktopAndAPhoneWithoutSidewaysScrolling() throws IOException {
        String u = unique();
        String station = fx.unit("WP" + u, "城关派出所", "STATION");
        String captain = fx.officer("WC" + u, "王法明", fx.unit("WF" + u, "法制大队", "LEGAL"), "LEGAL_CAPTAIN", false);
        String head = fx.officer("WH" + u, "刘所长", station, "UNIT_HEAD", false);
        String officer = fx.officer("WO" + u, "李警官", station, "OFFICER", false);
        clock.setNow(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant());
        long id = fx.register(captain, Fixtures.problem("HOTLINE_12345", station, officer,
                "受案登记表未开具受案回执，群众多次来电反映案件办理进度无人告知",
                "报警人于9月28日到所报案，民警未开具受案回执，也未告知案件编号。报警人随后三次来电询问，均未得到答复。"
                        + "相关记录：https://example.invalid/case/2026/0928/verylongidentifierwithoutanybreakingpoints0123456789"))
                .path("id").asLong();
        fx.complete(head, id, "Task_Sign", Map.of("signComment", "已签收，立即组织整改"));
        fx.uploadEvidence(id);
        assertThat(fx.as(captain).postJson("/api/problems/" + id + "/urge", Map.of("comment", "请于节前完成整改"))
                .status()).isEqualTo(200);

        Path screens = Path.of("docs", "screens");
        Files.createDirectories(screens);
        ChromeDriver browser = Browsers.openWithBasic(1280, 900, captain, PASSWORD);
        try {
            for (int width : new int[] {1280, 375}) {
                boolean phone = width < 600;
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                        phone ? 812 : 900, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
                browser.get("http://localhost:" + port + "/problems/" + id);
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                        d -> !d.findElements(By.id("timeline")).isEmpty());
                assertThat(browser.getTitle()).startsWith("受案登记表未开具受案回执");
                Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                assertThat(scroll.intValue()).as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(width);
                assertThat(browser.findElement(By.id("level")).getText()).isEqualTo("蓝色预警");
                assertThat(browser.findElement(By.id("level")).getCssValue("background-color"))
                        .isEqualTo("rgba(31, 95, 191, 1)");
                assertThat(browser.findElement(By.id("deadline-basis")).getText()).contains("国庆节");
                assertThat(browser.findElements(By.cssSelector("#actions button[data-action]"))).hasSize(3);
                assertThat(browser.findElement(By.id("timeline")).getText()).contains("刘所长（城关派出所）", "王法明（法制大队）")
                        .doesNotContain(head, captain);
                // the desktop's whole page; the phone's first screens, as a leader opens it from DingTalk
                Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                        Math.min(height.intValue(), phone ? 1400 : 6000), "deviceScaleFactor", phone ? 2 : 1,
                        "mobile", phone));
                Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Path file = screens.resolve(phone ? "problem-page-phone.png" : "problem-page-desktop.png");
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
                assertThat(Files.size(file)).isGreaterThan(10_000);
            }
            // 催办 again too soon: asked first, then the API's Chinese refusal shown on the page
            browser.findElement(By.cssSelector("button[data-action='urge']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
            assertThat(browser.switchTo().alert().getText()).startsWith("确定对该问题人工催办吗");
            browser.switchTo().alert().sendKeys("再次催办");
            browser.switchTo().alert().accept();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    d -> d.findElement(By.id("action-status")).isDisplayed());
            assertThat(browser.findElement(By.id("action-status")).getText()).startsWith("距上次催办不足");

            // the list and the registration form fit the phone too
            for (String path : new String[] {"/problems", "/problems/new"}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                        "deviceScaleFactor", 2, "mobile", true));
                browser.get("http://localhost:" + port + path);
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.tagName("h1")).isEmpty());
                Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                assertThat(scroll.intValue()).as("no sideways scrolling on %s at 375 px", path).isLessThanOrEqualTo(375);
                // for review, beside the build's other screenshots
                Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Path file = Path.of("target", "problems" + path.replace('/', '-') + "-phone.png");
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            }
        } finally {
            browser.quit();
        }
    }
}
