package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one login in headless Chromium: a unit head opening the Tasklist is sent to the
 * Chinese login page, logs in there once and is in the Tasklist without its own login form,
 * then opens the dashboard with the same session. The login page's screenshot is
 * docs/screens/login.png. Skipped where Debian's chromium is not installed.
 */
class OneLoginBrowserIT extends ItSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "browser-login-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
    }

    @Test
    void shouldLogInOnceAndOpenTheTasklistWithoutASecondLogin() throws IOException {
        String u = unique();
        String head = fx.officer("BH" + u, fx.unit("BU" + u, "浏览器派出所" + u, "STATION"), "UNIT_HEAD");
        String base = "http://localhost:" + port;
        ChromeDriver browser = browser();
        try {
            browser.get(base + "/camunda/app/tasklist/default/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> d.getCurrentUrl().contains("/login?redirect="));
            assertThat(browser.getTitle()).startsWith("登录");
            assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).contains("用户名");
            Path screen = Path.of("docs", "screens", "login.png");
            Files.createDirectories(screen.getParent());
            File png = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), screen, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(screen)).isGreaterThan(5_000);

            browser.findElement(By.id("username")).sendKeys(head);
            browser.findElement(By.id("password")).sendKeys("wrong-password");
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
            assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");

            // the throttle after one wrong password lasts a few seconds
            wait.withTimeout(Duration.ofSeconds(60)).until(d -> {
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
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--lang=zh-CN", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800,
                "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }
}
