package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} with {@code chromium-driver}) for the browser
 * tests: one way to start it, to log it in with Basic where a test needs no login page, and to
 * keep a screenshot. A test class calls {@link #assumeInstalled()} first and is skipped where
 * the browser is missing (.ci/run installs it).
 */
final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots a person looks at are kept (shown in the README). */
    static final Path SCREENS = Path.of("docs", "screens");

    private Browsers() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
    }

    /**
     * A headless browser of {@code width}×{@code height} CSS pixels asking for {@code language}
     * (zh-CN, or en-US where a test shows that Chinese comes anyway), China's time zone.
     */
    static ChromeDriver open(int width, int height, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--lang=" + language, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            // the page's size, whatever the headless window's frame takes
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
            return browser;
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }

    /** As {@link #open}, sending a Basic login on every request, as a browser does after the prompt. */
    static ChromeDriver openWithBasic(int width, int height, String user, String password) {
        ChromeDriver browser = open(width, height, "zh-CN");
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)))));
            return browser;
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }

    /**
     * Opens {@code path} of the app at {@code base}, is sent to the one login page (/login),
     * logs in there as {@code user} and waits until the browser is back on {@code path}.
     */
    static void logIn(ChromeDriver browser, String base, String path, String user, String password) {
        browser.get(base + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        String landing = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        wait.until(d -> d.getCurrentUrl().startsWith(base + landing));
    }

    /** The page as it is now, at {@code target} (created with its folder); the file's path. */
    static Path screenshot(ChromeDriver browser, Path target) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).as("a screenshot with something on it: %s", target).isGreaterThan(5_000);
        return target;
    }
}
