package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public's ticket (群众诉求) as the people of the legal department see it, in headless
 * Chromium: the legal officer's 分派 form in the Tasklist (the ticket, the complainant masked,
 * what the ledgers hold of its incident), his 回访 form and the contact page it links to (the
 * only place with the phone in clear), the ticket's page as the legal captain reads it, and the
 * captain's 回访复核 form after a dissatisfied call. Screenshots: docs/screens/intake-triage.png,
 * intake-callback.png, intake-contact.png, intake.png, intake-review.png.
 */
class IntakeBrowserIT extends ItSupport {

    private static final String PASSWORD = "intake-browser-1";
    private static final String CONTENT = "本人于11月1日到派出所报案，民警受案后一直未给受案回执，多次来电询问案件进展均无人答复";

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
    void shouldShowTheTicketMaskedInTheFormsAndThePhoneOnlyOnTheCallBacksContactPage() throws IOException {
        String u = unique();
        String channel = "BRW_" + u;
        Http.Response source = admin().putJson("/api/admin/sources/" + channel,
                Map.of("name", "12345政务服务热线", "kind", "HOTLINE", "active", true, "callback", true));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        String legalUnit = fx.unit("BLU" + u, "法制大队", "LEGAL");
        String legal = fx.officer("BLO" + u, "张法制", legalUnit, "LEGAL_OFFICER", false);
        String captain = fx.officer("BLC" + u, "王大队长", legalUnit, "LEGAL_CAPTAIN", false);
        String machine = fx.officer("BLM" + u, "12345平台接口", legalUnit, "INTAKE", false);
        String station = fx.unit("BLS" + u, "城关派出所" + u, "STATION");
        String head = fx.officer("BLH" + u, "刘所长", station, "UNIT_HEAD", false);
        String officer = fx.officer("BLP" + u, "李警官", station, "OFFICER", false);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String incidentNo = "J" + u;
        Http.Response ledger = admin().postCsv("/api/ledgers/incidents",
                "incident_no,unit_code,category,received_at,diverted_at,summary\n" + incidentNo + "," + station
                        + ",ADMINISTRATIVE,2026-11-01T09:30:00,2026-11-01T09:50:00,报警人称电动车在小区内被盗\n");
        assertThat(ledger.status()).as(ledger.body()).isBetween(200, 201);

        Map<String, Object> ticket = new HashMap<>();
        ticket.put("source", channel);
        ticket.put("ticketNo", "GD" + u);
        ticket.put("receivedAt", "2026-11-02T08:30:00+08:00");
        ticket.put("content", CONTENT);
        ticket.put("complainant", Map.of("name", "李四光", "phone", phone));
        ticket.put("unitHint", "城关派出所");
        ticket.put("incidentNo", incidentNo);
        Http.Response posted = fx.as(machine).postJson("/api/intake", ticket);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long id = posted.json().path("id").asLong();
        String base = "http://localhost:" + port;

        ChromeDriver browser = Browsers.open(1440, 1000, "zh-CN");
        try {
            // 1. the legal officer's triage form, 立案交办 chosen
            String triageTask = intakeTask(legal, id, "Task_Triage");
            claim(legal, triageTask);
            login(browser, base, legal);
            openTask(browser, base, triageTask, "诉求分派");
            assertThat(card(browser)).contains("责任单位", "待分派");
            // the decision's first choice: 立案交办
            WebElement accept = wait(browser, 10).until(d -> d.findElements(By.cssSelector(
                    ".fjs-form input[type=radio][id$='-Field_triageDecision-0']")).stream().findFirst().orElse(null));
            assertThat(accept.findElement(By.xpath("..")).getText()).contains("立案交办");
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", accept);
            wait(browser, 10).until(d -> formText(d).contains("责任单位") && formText(d).contains("问题类别"));
            String triage = formText(browser);
            assertThat(triage).contains("诉求分派", "执法台账比对", "警情 " + incidentNo, "城关派出所" + u)
                    .doesNotContain("**警情", "{{", "李四光");
            assertThat(fieldValue(browser, "Field_content")).isEqualTo(CONTENT);
            assertThat(fieldValue(browser, "Field_complainantName")).isEqualTo("李**");
            assertThat(fieldValue(browser, "Field_sourceName")).isEqualTo("12345政务服务热线");
            assertThat(fieldValue(browser, "Field_ticketNo")).isEqualTo("GD" + u);
            assertThat(fieldValue(browser, "Field_incidentNo")).isEqualTo(incidentNo);
            assertThat(browser.getPageSource()).doesNotContain(phone, "李四光");
            screenshotOfForm(browser, "intake-triage.png");

            // 2. triage and rectification by API; the call back's form and the contact page it links to
            done(fx.as(legal).postJson("/engine-rest/task/" + intakeTask(legal, id, "Task_Triage") + "/complete",
                    Fixtures.variables("triageDecision", "ACCEPT", "unitCode", station, "category", "CASE_FILING")));
            long problemId = fx.as(legal).get("/api/intake/" + id).json().path("problemId").asLong();
            fx.complete(head, problemId, "Task_Sign", Map.of());
            fx.uploadEvidence(problemId);
            fx.complete(officer, problemId, "Task_Rectify",
                    Map.of("rectifyOutcome", "DONE", "rectificationReport", "已向报案人补开受案回执并告知案件进展"));
            fx.complete(legal, problemId, "Task_Review", Map.of("reviewDecision", "APPROVE", "reviewComment", "整改到位"));
            String call = intakeTask(legal, id, "Task_Callback");
            claim(legal, call);
            openTask(browser, base, call, "回访诉求人");
            assertThat(card(browser)).contains("责任单位", "城关派出所" + u);
            WebElement contactLink = wait(browser, 10).until(d -> d.findElements(By.cssSelector(".fjs-form a")).stream()
                    .filter(a -> a.getText().contains("查看诉求人联系电话并回访")).findFirst().orElse(null));
            assertThat(contactLink.getDomAttribute("href")).isEqualTo("/intakes/" + id + "/contact");
            String callback = formText(browser);
            assertThat(fieldValue(browser, "Field_complainantName")).isEqualTo("李**");
            assertThat(callback).contains("回访诉求人", "尚未回访", "查看问题办理情况").doesNotContain("{{", "**");
            assertThat(browser.getPageSource()).doesNotContain(phone, "李四光");
            screenshotOfForm(browser, "intake-callback.png");

            browser.get(base + contactLink.getDomAttribute("href"));
            wait(browser, 30).until(d -> !d.findElements(By.id("phone")).isEmpty());
            assertThat(browser.findElement(By.id("phone")).getText()).isEqualTo(phone);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("李**", CONTENT)
                    .doesNotContain("李四光");
            fitsWithoutSidewaysScrolling(browser, 1440);
            screenshotOfPage(browser, "intake-contact.png");
            logout(browser);

            // 3. the ticket's page as the legal captain reads it: masked, no phone
            Browsers.logIn(browser, base, "/intakes/" + id, captain, PASSWORD);
            wait(browser, 30).until(d -> !d.findElements(By.id("calls")).isEmpty());
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).contains("GD" + u, "李**", CONTENT, "查看关联问题", incidentNo).doesNotContain("李四光");
            assertThat(browser.findElements(By.id("contact-link"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(phone);
            fitsWithoutSidewaysScrolling(browser, 1440);
            screenshotOfPage(browser, "intake.png");

            // 4. dissatisfied (API): the captain's review in the Tasklist
            done(fx.as(legal).postJson("/engine-rest/task/" + call + "/complete", Fixtures.variables(
                    "callbackOutcome", "DISSATISFIED", "callbackNote", "回执已补开，但案件进展仍无人告知，对民警态度不满意")));
            String reviewTask = intakeTask(captain, id, "Task_CallbackReview");
            claim(captain, reviewTask);
            logout(browser);
            login(browser, base, captain);
            openTask(browser, base, reviewTask, "回访复核");
            assertThat(card(browser)).contains("回访复核", "城关派出所" + u);
            String review = formText(browser);
            assertThat(fieldValue(browser, "Field_complainantName")).isEqualTo("李**");
            assertThat(review).doesNotContain(legal).contains("回访复核", "不满意", "对民警态度不满意", "张法制（法制大队）")
                    .doesNotContain("{{", "**");
            assertThat(browser.getPageSource()).doesNotContain(phone, "李四光");
            screenshotOfForm(browser, "intake-review.png");
        } catch (RuntimeException | AssertionError e) {
            // what the browser showed when it failed, for whoever reads the failure
            Files.createDirectories(Path.of("target"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "intake-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of("target", "intake-failure.html"), browser.getPageSource());
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** The id of the intake's open task {@code key} as {@code user} sees it in the Tasklist's API. */
    private String intakeTask(String user, long intakeId, String key) {
        JsonNode open = fx.as(user).get("/engine-rest/task?processInstanceBusinessKey=intake-" + intakeId).json();
        return StreamSupport.stream(open.spliterator(), false)
                .filter(t -> key.equals(t.path("taskDefinitionKey").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(key + " of intake " + intakeId + " for " + user + ": " + open))
                .path("id").asText();
    }

    private static void done(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** The one login page, then the Tasklist with its list shown. */
    private static void login(ChromeDriver browser, String base, String user) {
        Browsers.logIn(browser, base, "/camunda/app/tasklist/default/", user, PASSWORD);
        wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".task-card, .no-task, [cam-tasks]")).isEmpty());
    }

    private static void logout(ChromeDriver browser) {
        browser.manage().deleteAllCookies();
        browser.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    /** The task claimed by {@code user}, as he does first, so that his list shows it. */
    private void claim(String user, String taskId) {
        done(fx.as(user).postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)));
    }

    /** The task's form in the Tasklist, rendered with {@code heading} in it. */
    private static void openTask(ChromeDriver browser, String base, String taskId, String heading) {
        // a page of its own: a new hash alone reloads neither the list nor the form
        browser.get("about:blank");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
        wait(browser, 10).until(d -> formText(d).contains(heading));
    }

    /** The task's card in the person's own list (我的待办), as he finds it: its text. */
    private static String card(ChromeDriver browser) {
        return wait(browser, 10).until(d -> d.findElements(By.cssSelector("li[ng-repeat*='in tasks']")).stream()
                .map(WebElement::getText).filter(t -> t.contains("【群众诉求】")).findFirst().orElse(null));
    }

    private static String formText(WebDriver browser) {
        return browser.findElement(By.cssSelector(".fjs-form")).getText();
    }

    private static String fieldValue(ChromeDriver browser, String id) {
        return browser.findElement(By.cssSelector(".fjs-form [id$='-" + id + "']")).getDomProperty("value");
    }

    private static void fitsWithoutSidewaysScrolling(ChromeDriver browser, int width) {
        Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scroll.intValue()).as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(width);
    }

    /**
     * The Tasklist with the whole form in sight: the window made as tall as the form's own
     * scrolling pane needs, then back to the desktop's size.
     */
    private static void screenshotOfForm(ChromeDriver browser, String name) throws IOException {
        Number extra = (Number) browser.executeScript("""
                var pane = document.querySelector('.fjs-form').parentElement;
                while (pane && pane !== document.body) {
                  var overflow = getComputedStyle(pane).overflowY;
                  if ((overflow === 'auto' || overflow === 'scroll') && pane.scrollHeight > pane.clientHeight) {
                    pane.scrollTop = 0;
                    return pane.scrollHeight - pane.clientHeight;
                  }
                  pane = pane.parentElement;
                }
                return 0;""");
        resize(browser, 1440, Math.min(1000 + extra.intValue() + 20, 3000));
        browser.executeScript("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) { e.scrollTop = 0; } });");
        Browsers.screenshot(browser, Browsers.SCREENS.resolve(name));
        resize(browser, 1440, 1000);
    }

    /** The whole page, as tall as it is. */
    private static void screenshotOfPage(ChromeDriver browser, String name) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        resize(browser, 1440, Math.min(Math.max(height.intValue(), 600), 3000));
        Browsers.screenshot(browser, Browsers.SCREENS.resolve(name));
        resize(browser, 1440, 1000);
    }

    private static void resize(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** A wait that looks again when the page renders an element anew under its hands. */
    private static FluentWait<WebDriver> wait(ChromeDriver browser, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }
}
