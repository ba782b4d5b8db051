package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Tasklist in headless Chromium, logged in through the one login page, with a browser
 * that asks for English (the worst case): the task list's cards show the level, the unit and
 * the deadlines (no unlabelled priority), a task form submitted empty says what is missing in
 * Chinese, links to the problem page and shows no stray markup, and the registration form
 * offers units by name, dates in Chinese, and shows a refused unit next to its field.
 * The deputy leader's 督办批示 form: its choice in Chinese, the text required for 批示.
 * Screenshots: docs/screens/tasklist.png, task-form-validation.png, register-problem.png,
 * supervise-instruction.png.
 */
class TasklistBrowserIT extends ItSupport {

    private static final String PASSWORD = "tasklist-browser-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.assumeInstalled();
    }

    @Test
    void shouldShowTheTaskListAndAFormsValidationInChinese() throws IOException {
        String u = unique();
        String unit = fx.unit("BR" + u, "城关派出所" + u, "STATION");
        String head = fx.officer("BH" + u, "王所长", unit, "UNIT_HEAD", false);
        String officer = fx.officer("BO" + u, "李警官", unit, "OFFICER", false);
        String legal = fx.officer("BL" + u, fx.unit("BF" + u, "法制大队", "LEGAL"), "LEGAL_OFFICER");
        long first = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, "受案登记表未开具受案回执",
                "两起行政案件受案后未开具受案回执")).path("id").asLong();
        fx.register(legal, Fixtures.problem("PETITION", unit, officer, "当事人信访反映案件久拖未决",
                "信访人反映案件办理超期")).path("id").asLong();
        fx.complete(head, first, "Task_Sign", Map.of("signOutcome", "SIGN"));
        String rectify = fx.taskId(officer, first, "Task_Rectify");
        assertThat(fx.as(officer).postJson("/engine-rest/task/" + rectify + "/claim",
                Map.of("userId", officer)).status()).isEqualTo(204);

        ChromeDriver browser = Browsers.open(1440, 1000, "en-US");
        try {
            // the unit head's list: the sign task of the second problem, labelled
            login(browser, head);
            WebElement card = wait(browser, 30).until(d -> d.findElements(By.cssSelector("li[ng-repeat*='in tasks']")).stream()
                    .filter(c -> c.getText().contains("当事人信访反映案件久拖未决")).findFirst().orElse(null));
            String text = card.getText();
            assertThat(text).contains("预警等级", "红色", "责任单位", "城关派出所" + u, "办理期限");
            assertThat(card.findElements(By.cssSelector(".priority")).stream().filter(WebElement::isDisplayed))
                    .isEmpty();
            card.click();
            wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
            wait(browser, 10).until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("查看问题详情"));
            String sign = browser.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(sign).doesNotContain("**", "{{");
            screenshot(browser, "tasklist.png");
            logout(browser);

            // the officer's rectification form, submitted empty
            login(browser, officer);
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + rectify);
            wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
            WebElement link = wait(browser, 10).until(d -> d.findElements(By.cssSelector(".fjs-form a")).stream()
                    .filter(a -> a.getText().contains("查看问题详情")).findFirst().orElse(null));
            assertThat(link.getDomAttribute("href")).isEqualTo("/problems/" + first);
            complete(browser);
            wait(browser, 10).until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
            List<String> errors = browser.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
                    .map(WebElement::getText).toList();
            assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).isEqualTo("此项为必填项"));
            assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
                    .doesNotContain("Field is required", "**", "{{");
            screenshot(browser, "task-form-validation.png");
            logout(browser);

            // the legal officer's registration: lists by name, a date in Chinese, a refused unit beside its field
            login(browser, legal);
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?processStart=true");
            WebElement process = wait(browser, 30).until(d -> d.findElements(By.cssSelector(".modal-body a")).stream()
                    .filter(a -> a.getText().contains("整改")).findFirst().orElse(null));
            process.click();
            wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".modal-body .fjs-form")).isEmpty());
            start(browser);
            wait(browser, 10).until(d -> d.findElements(By.cssSelector(".fjs-form-field-error li")).size() >= 4);
            String form = browser.findElement(By.cssSelector(".modal-body .fjs-form")).getText();
            assertThat(form).contains("此项为必填项").doesNotContain("Field is required", "Select", "Search");
            List<String> placeholders = browser.findElements(By.cssSelector(".modal-body .fjs-input")).stream()
                    .map(i -> i.getDomAttribute("placeholder")).filter(p -> p != null && !p.isEmpty()).toList();
            assertThat(placeholders).isNotEmpty().noneMatch(p -> p.matches(".*[a-zA-Z].*"));
            assertThat(placeholders).contains("请选择，可输入文字筛选", "时:分")
                    .anyMatch(p -> p.contains("年") && p.contains("月") && p.contains("日"));

            // the date picker: months and weekdays in Chinese
            WebElement date = browser.findElement(By.cssSelector(".modal-body .fjs-datepicker input"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", date);
            date.click();
            WebElement calendar = wait(browser, 10).until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open"))
                    .stream().findFirst().orElse(null));
            String weekdays = calendar.findElement(By.cssSelector(".flatpickr-weekdays")).getText();
            assertThat(weekdays).contains("日", "一", "六").doesNotContainPattern("[A-Za-z]");
            String month = (String) browser.executeScript("var s = document.querySelector('.flatpickr-calendar.open"
                    + " .flatpickr-monthDropdown-months'); return s ? s.options[s.selectedIndex].text"
                    + " : document.querySelector('.flatpickr-calendar.open .cur-month').textContent;");
            assertThat(month).matches("\\d{1,2}月");
            screenshot(browser, "date-picker.png");
            // a click outside closes the calendar (Escape would close the whole dialog)
            browser.findElement(By.cssSelector(".modal-header")).click();
            wait(browser, 10).until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());

            // a unit chosen by name, then its code tampered with in the page: the refusal beside the field
            choose(browser, "Field_source", "12345");
            choose(browser, "Field_category", "受立案");
            choose(browser, "Field_unitCode", "城关派出所" + u);
            type(browser, "Field_title", "登记于浏览器" + u);
            type(browser, "Field_description", "浏览器中登记的问题");
            String tampered = unit + "X";
            browser.executeScript("""
                    var original = XMLHttpRequest.prototype.send;
                    XMLHttpRequest.prototype.send = function (body) {
                      if (typeof body === 'string' && body.indexOf('"unitCode"') >= 0) {
                        var data = JSON.parse(body);
                        data.variables.unitCode.value = arguments[0];
                        body = JSON.stringify(data);
                      }
                      return original.call(this, body);
                    };""".replace("arguments[0]", "'" + tampered + "'"));
            start(browser);
            WebElement refusal = wait(browser, 10).until(d -> d.findElements(By.cssSelector(".jiandu-server-error li"))
                    .stream().findFirst().orElse(null));
            assertThat(refusal.getText()).isEqualTo("没有代码为“" + tampered + "”的可选单位，请从列表中选择责任单位");
            WebElement field = refusal.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
            assertThat(field.getText()).contains("责任单位");
            screenshot(browser, "register-problem.png");
        } catch (RuntimeException | AssertionError e) {
            // what the browser showed when it failed, for whoever reads the failure
            Files.createDirectories(Path.of("target"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "tasklist-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of("target", "tasklist-failure.html"), browser.getPageSource());
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldListTheProblemsOfTheProcessInTheCockpitByNumberTitleAndLevel() throws IOException {
        String u = unique();
        String unit = fx.unit("BC" + u, "新华路派出所" + u, "STATION");
        String legal = fx.officer("BK" + u, fx.unit("BG" + u, "法制大队", "LEGAL"), "LEGAL_OFFICER");
        long id = fx.register(legal, Fixtures.problem("PETITION", unit, null, "信访件未按期答复" + u, "未按期答复"))
                .path("id").asLong();
        String definition = admin().get("/engine-rest/process-definition/key/rectification").json().path("id").asText();

        ChromeDriver browser = Browsers.open(1440, 1000, "en-US");
        try {
            Browsers.logIn(browser, "http://localhost:" + port, "/camunda/app/cockpit/default/", ADMIN, ADMIN_PASSWORD);
            browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definition
                    + "/runtime?detailsTab=jiandu.processDefinition.problems");
            WebElement row = wait(browser, 30).until(d -> d.findElements(By.cssSelector("table.jiandu-problems tr"))
                    .stream().filter(r -> r.getText().contains("信访件未按期答复" + u)).findFirst().orElse(null));
            assertThat(row.findElements(By.tagName("td")).get(0).getText()).isEqualTo(String.valueOf(id));
            assertThat(row.getText()).contains("红色", "新华路派出所" + u);
            assertThat(row.findElement(By.linkText("查看")).getDomAttribute("href")).isEqualTo("/problems/" + id);
            screenshot(browser, "cockpit-problems.png");

            // Camunda's own instance list beside it: its column headers in Chinese too
            browser.findElement(By.linkText("流程实例")).click();
            wait(browser, 30).until(d -> d.findElements(By.cssSelector(".ctn-tabbed-content th")).stream()
                    .noneMatch(th -> th.getText().equals("问题标题")) && d.findElements(By.cssSelector(
                    ".ctn-tabbed-content tbody tr")).size() > 0);
            screenshot(browser, "cockpit-instances.png");
            List<String> headers = browser.findElements(By.cssSelector(".ctn-tabbed-content th")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            Files.writeString(Path.of("target", "cockpit-headers.txt"), String.join("\n", headers));
            assertThat(headers).isNotEmpty().allSatisfy(h -> assertThat(h.replace("ID", "")).doesNotContainPattern(
                    "[A-Za-z]{2,}"));
        } catch (RuntimeException | AssertionError e) {
            Files.createDirectories(Path.of("target"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "cockpit-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of("target", "cockpit-failure.html"), browser.getPageSource());
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldShowTheDeputyLeaderTheInstructionFormInChinese() throws IOException {
        String u = unique();
        String unit = fx.unit("BI" + u, "东关派出所" + u, "STATION");
        String head = fx.officer("BJ" + u, "赵所长", unit, "UNIT_HEAD", false);
        String officer = fx.officer("BM" + u, "钱警官", unit, "OFFICER", false);
        String leaders = fx.unit("BN" + u, "分局领导", "LEGAL");
        String deputy = fx.officer("BD" + u, "李卫东", leaders, "DEPUTY_LEADER", false);
        String legal = fx.officer("BP" + u, leaders, "LEGAL_OFFICER");
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, officer, "刑事案件久拖未立" + u,
                "群众反映报案后久未立案")).path("id").asLong();
        fx.complete(head, id, "Task_Sign", Map.of("signOutcome", "SIGN"));
        java.time.OffsetDateTime deadline = java.time.OffsetDateTime.parse(fx.problem(legal, id).path("deadline").asText());
        ChromeDriver browser = null;
        try {
            // past the grace period: 督办, and the deputy leader's 督办批示
            clock.setNow(deadline.plusDays(12).toInstant());
            fx.awaitProblem(legal, id, p -> p.path("timeline").toString().contains("督办批示"));
            String task = fx.taskId(deputy, id, "Task_SuperviseInstruction");
            assertThat(fx.as(deputy).postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", deputy))
                    .status()).isEqualTo(204);

            browser = Browsers.open(1440, 1000, "en-US");
            login(browser, deputy);
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
            wait(browser, 30).until(d -> d.findElements(By.cssSelector(".fjs-form")).stream()
                    .anyMatch(f -> f.getText().contains("办理方式")));
            String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(form).contains("督办批示", "问题标题", "责任单位", "预警等级", "批示期限", "办理方式", "已阅")
                    .doesNotContain("**", "{{");
            // the problem's facts, read-only
            String values = (String) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'.fjs-form input[disabled], .fjs-form textarea[disabled]')).map(e => e.value).join('\\n');");
            assertThat(values).contains("刑事案件久拖未立" + u, "东关派出所" + u, "黄色");
            // 批示 (the first choice), clicked as a person would; the form's pane scrolls on its own
            WebElement choice = wait(browser, 10).until(d -> d.findElements(By.cssSelector(
                    ".fjs-form input[type='radio'][id$='Field_instructionKind-0']")).stream().findFirst().orElse(null));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", choice);
            wait(browser, 10).until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("批示内容"));
            complete(browser);
            wait(browser, 10).until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
            assertThat(browser.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
                    .map(WebElement::getText)).isNotEmpty().allSatisfy(e -> assertThat(e).isEqualTo("此项为必填项"));
            screenshot(browser, "supervise-instruction.png");
            assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
        } catch (RuntimeException | AssertionError e) {
            if (browser != null) {
                Files.createDirectories(Path.of("target"));
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                        Path.of("target", "instruction-failure.png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(Path.of("target", "instruction-failure.html"), browser.getPageSource());
            }
            throw e;
        } finally {
            if (browser != null) {
                browser.quit();
            }
            clock.reset();
        }
    }

    /** Types into a searchable select and takes the first option that matches. */
    private static void choose(ChromeDriver browser, String id, String text) {
        // the form renders again as fields change: find the input anew until it holds still
        wait(browser, 10).until(d -> {
            WebElement input = d.findElement(By.cssSelector(".modal-body [id$='-" + id + "']"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
            input.click();
            input.clear();
            input.sendKeys(text);
            return true;
        });
        WebElement option = wait(browser, 10).until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item"))
                .stream().filter(o -> o.getText().contains(text)).findFirst().orElse(null));
        option.click();
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.cssSelector(".modal-body [id$='-" + id + "']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(text);
    }

    /** The one login page, then the Tasklist with its list shown. */
    private void login(ChromeDriver browser, String user) {
        Browsers.logIn(browser, "http://localhost:" + port, "/camunda/app/tasklist/default/", user, PASSWORD);
        wait(browser, 30).until(d -> !d.findElements(By.cssSelector(".task-card, .no-task, [cam-tasks]")).isEmpty());
    }

    private void logout(ChromeDriver browser) {
        browser.manage().deleteAllCookies();
        browser.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    private static void complete(ChromeDriver browser) {
        press(browser, "button[ng-click='complete()']");
    }

    private static void start(ChromeDriver browser) {
        press(browser, "button[ng-click='startProcessInstance()']");
    }

    /** Scrolls the enabled button into view (the form's own scrolling pane) and presses it. */
    private static void press(ChromeDriver browser, String css) {
        WebElement button = wait(browser, 10).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        wait(browser, 10).until(d -> button.isDisplayed());
        button.click();
    }

    /** A wait that looks again when the page renders an element anew under its hands. */
    private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait(ChromeDriver browser,
            int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Browsers.screenshot(browser, Browsers.SCREENS.resolve(name));
    }
}
